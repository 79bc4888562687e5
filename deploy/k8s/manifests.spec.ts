import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { OBOLUS_SERVICES, SERVICE_PORTS, WEB_PORT } from '../../libs/stack/src/stack-services';

/** A parsed Kubernetes resource; only the fields these checks read are typed. */
type Resource = { apiVersion: string; kind: string; metadata: { name: string }; [field: string]: unknown };
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DIR = __dirname;
const VALIDATOR = join(DIR, 'validate-resources.mjs');
const KUSTOMIZATION = 'kustomization.yaml';
/** Not applied by the kustomization (credentials are created out of band), but validated all the same. */
const SECRETS_EXAMPLE = 'secrets.example.yaml';

function yamlFiles(): string[] {
  return readdirSync(DIR)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort();
}

function parseFile(file: string): Resource[] {
  return parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
    return document.toJS() as Resource;
  });
}

/** Validates resources against the Kubernetes API schemas (kubernetes-models), one result per resource. */
function validateResources(resources: unknown[]): { valid: boolean; errors: string[] }[] {
  const output = execFileSync(process.execPath, [VALIDATOR], { input: JSON.stringify(resources), encoding: 'utf8' });
  return JSON.parse(output);
}

const containersOf = (deployment: Json): Json[] => deployment.spec?.template?.spec?.containers ?? [];

/** The container port a probe or a Service targets: a number, or the name of one of the container's ports. */
function resolvePort(container: Json, port: unknown): number | undefined {
  const ports: Json[] = container.ports ?? [];
  if (typeof port === 'number') return ports.some((p) => p.containerPort === port) ? port : undefined;
  return ports.find((p) => p.name === port)?.containerPort;
}

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels?.[key] === value);

/** Problems in how the resources refer to each other: selectors, HPA targets, probes, ports. */
function crossReferenceProblems(resources: Resource[]): string[] {
  const problems: string[] = [];
  const deployments = resources.filter((r) => r.kind === 'Deployment') as Json[];
  for (const service of resources.filter((r) => r.kind === 'Service') as Json[]) {
    const targets = deployments.filter((d) => matches(service.spec?.selector, d.spec?.template?.metadata?.labels));
    if (targets.length === 0) {
      problems.push(`Service ${service.metadata.name}: its selector matches no Deployment's pod labels`);
      continue;
    }
    for (const port of service.spec?.ports ?? []) {
      for (const deployment of targets) {
        if (!containersOf(deployment).some((c) => resolvePort(c, port.targetPort ?? port.port) !== undefined)) {
          problems.push(
            `Service ${service.metadata.name}: targetPort ${port.targetPort} is no container port of ${deployment.metadata.name}`,
          );
        }
      }
    }
  }
  for (const hpa of resources.filter((r) => r.kind === 'HorizontalPodAutoscaler') as Json[]) {
    const target = hpa.spec?.scaleTargetRef ?? {};
    if (target.kind !== 'Deployment' || !deployments.some((d) => d.metadata.name === target.name)) {
      problems.push(
        `HorizontalPodAutoscaler ${hpa.metadata.name}: targets no existing Deployment (${target.kind} ${target.name})`,
      );
    }
  }
  for (const deployment of deployments) {
    const name = deployment.metadata.name;
    if (!matches(deployment.spec?.selector?.matchLabels, deployment.spec?.template?.metadata?.labels)) {
      problems.push(`Deployment ${name}: selector does not match its pod labels`);
    }
    for (const container of containersOf(deployment)) {
      for (const kind of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        const probe = container[kind];
        if (!probe) {
          if (kind !== 'startupProbe') problems.push(`Deployment ${name}: container ${container.name} has no ${kind}`);
          continue;
        }
        if (probe.httpGet?.path !== '/health') {
          problems.push(`Deployment ${name}: ${kind} of ${container.name} is not an HTTP GET of /health`);
        }
        if (resolvePort(container, probe.httpGet?.port) === undefined) {
          problems.push(`Deployment ${name}: ${kind} of ${container.name} is not on a container port`);
        }
      }
    }
  }
  return problems;
}

/** The variables each service cannot start without (libs/platform serviceConfigSpec, authConfigSpec, its main.ts). */
const REQUIRED: Record<string, string[]> = {
  identity: [],
  subscriptions: ['IDENTITY_JWKS_URL'],
  payments: ['IDENTITY_JWKS_URL', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'],
  invoicing: ['IDENTITY_JWKS_URL', 'INTERNAL_API_KEYS'],
  'efactura-gateway': ['IDENTITY_JWKS_URL', 'EFACTURA_TOKENS_KEY'],
  notifications: ['IDENTITY_JWKS_URL', 'SMTP_URL', 'INVOICING_URL', 'INVOICING_SERVICE_KEY', 'WEBHOOK_SECRETS_KEY'],
};
const COMMON = ['PORT', 'DATABASE_URL', 'KAFKA_BROKERS'];
const CREDENTIALS = [
  'DATABASE_URL',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'SMTP_URL',
  'IDENTITY_SIGNING_KEY',
  'INTERNAL_API_KEYS',
  'INVOICING_SERVICE_KEY',
  'WEBHOOK_SECRETS_KEY',
  'EFACTURA_TOKENS_KEY',
  'ANAF_CLIENT_SECRET',
];

describe('deploy/k8s manifests', () => {
  const files = yamlFiles();
  const byFile = new Map(files.map((file) => [file, parseFile(file)]));
  const kustomization = byFile.get(KUSTOMIZATION)![0] as Json;
  const applied = (kustomization.resources as string[]).flatMap((file) => byFile.get(file) ?? []);
  const secrets = byFile.get(SECRETS_EXAMPLE) ?? [];
  const find = (kind: string, name: string) => applied.find((r) => r.kind === kind && r.metadata.name === name) as Json;

  it('kustomization.yaml lists every manifest but the secrets example, and each exists', () => {
    const manifests = files.filter((file) => file !== KUSTOMIZATION && file !== SECRETS_EXAMPLE);
    expect([...(kustomization.resources as string[])].sort()).toEqual(manifests);
    expect(kustomization.namespace).toBe('obolus');
    expect(find('Namespace', 'obolus')).toBeDefined();
  });

  it('every resource is valid against the Kubernetes API schemas', () => {
    const documents = files.filter((file) => file !== KUSTOMIZATION).flatMap((file) => byFile.get(file)!);
    expect(documents.length).toBeGreaterThanOrEqual(2 + 3 * OBOLUS_SERVICES.length + OBOLUS_SERVICES.length);
    const invalid = validateResources(documents)
      .map((result, i) => ({ resource: `${documents[i].kind} ${documents[i].metadata?.name}`, ...result }))
      .filter((result) => !result.valid);
    expect(invalid).toEqual([]);
  });

  it('the validator rejects broken manifests', () => {
    const deployment = structuredClone(find('Deployment', 'identity'));
    const portAsObject = structuredClone(deployment);
    portAsObject.spec.template.spec.containers[0].readinessProbe.httpGet.port = { number: 4001 };
    const noSelector = structuredClone(deployment);
    delete noSelector.spec.selector;
    const replicasAsText = structuredClone(deployment);
    replicasAsText.spec.replicas = 'two';
    const hpa = structuredClone(find('HorizontalPodAutoscaler', 'identity'));
    delete hpa.spec.maxReplicas;
    const unknownKind = { apiVersion: 'v1', kind: 'Deploymnet', metadata: { name: 'x' } };

    const results = validateResources([portAsObject, noSelector, replicasAsText, hpa, unknownKind]);
    expect(results.map((r) => r.valid)).toEqual([false, false, false, false, false]);
    expect(results[0].errors.join('\n')).toContain('readinessProbe/httpGet/port');
    expect(results[1].errors.join('\n')).toContain('selector');
    expect(results[3].errors.join('\n')).toContain('maxReplicas');
    expect(validateResources([deployment])).toEqual([{ valid: true, errors: [] }]);
  });

  it('Services select Deployments, HPAs target Deployments, probes are /health on the container port', () => {
    expect(crossReferenceProblems(applied)).toEqual([]);
  });

  it('cross-reference checks catch a wrong selector, an HPA without target, a probe elsewhere', () => {
    const service = structuredClone(find('Service', 'payments'));
    service.spec.selector['app.kubernetes.io/name'] = 'paymnets';
    const hpa = structuredClone(find('HorizontalPodAutoscaler', 'payments'));
    hpa.spec.scaleTargetRef.name = 'billing';
    const deployment = structuredClone(find('Deployment', 'payments'));
    deployment.spec.template.spec.containers[0].livenessProbe.httpGet.path = '/healthz';
    deployment.spec.template.spec.containers[0].readinessProbe.httpGet.port = 8080;
    const others = applied.filter((r) => r.metadata.name !== 'payments');
    expect(crossReferenceProblems([...others, service, hpa, deployment])).toEqual([
      "Service payments: its selector matches no Deployment's pod labels",
      'HorizontalPodAutoscaler payments: targets no existing Deployment (Deployment billing)',
      'Deployment payments: readinessProbe of payments is not on a container port',
      'Deployment payments: livenessProbe of payments is not an HTTP GET of /health',
    ]);
  });

  describe('web (the portal edge: no database, no broker, no Secret)', () => {
    const deployment = find('Deployment', 'web');
    const container = containersOf(deployment ?? {})[0] ?? {};

    it('has a Deployment, a ClusterIP Service on its port and an HPA, runs the one image as non-root', () => {
      expect(deployment.spec.replicas).toBe(2);
      expect(container.image).toBe('obolus');
      expect(container.ports).toEqual([expect.objectContaining({ name: 'http', containerPort: WEB_PORT })]);
      expect(find('Service', 'web').spec.ports).toEqual([expect.objectContaining({ port: WEB_PORT })]);
      expect(find('HorizontalPodAutoscaler', 'web').spec.minReplicas).toBe(2);
      expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
    });

    it("talks to identity's Service, not to its public address behind the edge itself, and holds no credential", () => {
      const env = Object.fromEntries((container.env as Json[]).map((e) => [e.name, e.value]));
      expect(env).toMatchObject({ SERVICE: 'web', PORT: String(WEB_PORT), IDENTITY_PUBLIC_URL: 'http://identity:4001' });
      expect(Object.keys(env).filter((name) => CREDENTIALS.includes(name))).toEqual([]);
      expect((container.envFrom as Json[]).some((source) => source.secretRef)).toBe(false);
    });
  });

  describe.each(OBOLUS_SERVICES.map((service) => [service]))('%s', (service) => {
    const deployment = find('Deployment', service);
    const container = containersOf(deployment ?? {})[0] ?? {};
    const pod = deployment?.spec?.template?.spec ?? {};

    it('has a Deployment, a ClusterIP Service on its port and an autoscaling/v2 CPU HPA', () => {
      expect(deployment.spec.replicas).toBe(2);
      expect(containersOf(deployment)).toHaveLength(1);
      expect(container.ports).toEqual([expect.objectContaining({ name: 'http', containerPort: SERVICE_PORTS[service] })]);
      const svc = find('Service', service);
      expect(svc.spec.type).toBe('ClusterIP');
      expect(svc.spec.ports).toEqual([expect.objectContaining({ port: SERVICE_PORTS[service] })]);
      const hpa = find('HorizontalPodAutoscaler', service);
      expect(hpa.apiVersion).toBe('autoscaling/v2');
      expect(hpa.spec.minReplicas).toBe(2);
      expect(hpa.spec.maxReplicas).toBeGreaterThanOrEqual(hpa.spec.minReplicas);
      expect(hpa.spec.metrics).toEqual([
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: expect.any(Number) } } },
      ]);
    });

    it('runs the one image with SERVICE and PORT set, as non-root, with requests, limits and a grace period', () => {
      const env = Object.fromEntries((container.env as Json[]).map((e) => [e.name, e.value]));
      expect(container.image).toBe('obolus');
      expect(env).toMatchObject({ SERVICE: service, PORT: String(SERVICE_PORTS[service]), OTEL_SERVICE_NAME: service });
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
      for (const kind of ['requests', 'limits']) {
        expect(Object.keys(container.resources[kind]).sort()).toEqual(['cpu', 'memory']);
      }
      // Long enough for the Kafka consumer to leave its group and the outbox relay to stop.
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(30);
    });

    it('gets every variable it needs from the ConfigMap, its Secret or its env, credentials only from the Secret', () => {
      const sources: Json[] = container.envFrom;
      const configMapName = sources.find((s) => s.configMapRef)?.configMapRef.name;
      const secretName = sources.find((s) => s.secretRef)?.secretRef.name;
      expect(secretName).toBe(`obolus-${service}`);
      const configMap = find('ConfigMap', configMapName) as Json;
      const secret = secrets.find((s) => s.kind === 'Secret' && s.metadata.name === secretName) as Json;
      expect(configMap).toBeDefined();
      expect(secret).toBeDefined();
      const fromSecret = Object.keys(secret.stringData ?? secret.data);
      const provided = new Set([...(container.env as Json[]).map((e) => e.name), ...Object.keys(configMap.data), ...fromSecret]);
      const required = [...COMMON, ...REQUIRED[service]];
      expect(required.filter((name) => !provided.has(name))).toEqual([]);
      expect(Object.keys(configMap.data).filter((name) => CREDENTIALS.includes(name))).toEqual([]);
      expect(required.filter((name) => CREDENTIALS.includes(name) && !fromSecret.includes(name))).toEqual([]);
    });

    it('needs no variable that docker-compose does not give the service too', () => {
      const compose = parseAllDocuments(readFileSync(join(DIR, '../../docker-compose.yml'), 'utf8'))[0].toJS();
      const composed = Object.keys(compose.services[service].environment);
      expect([...COMMON, ...REQUIRED[service]].filter((name) => !composed.includes(name))).toEqual([]);
    });
  });
});
