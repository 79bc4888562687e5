// Validates Kubernetes resources against the API schemas shipped by kubernetes-models (generated from
// the Kubernetes OpenAPI specification). kubernetes-models is ES modules only, so this runs as its own
// node process: a JSON array of resources on stdin, a JSON array of results on stdout, in order.
import { readFileSync } from 'node:fs';

/** The kubernetes-models module of an apiVersion and kind: "apps/v1" + "Deployment" -> kubernetes-models/apps/v1/Deployment. */
function modulePath(apiVersion, kind) {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !/^[A-Za-z]+$/.test(kind)) return undefined;
  if (!/^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/.test(apiVersion)) return undefined;
  return `kubernetes-models/${apiVersion}/${kind}`;
}

async function check(resource) {
  const path = modulePath(resource?.apiVersion, resource?.kind);
  if (!path) return { valid: false, errors: [`apiVersion/kind missing or malformed`] };
  let Model;
  try {
    Model = (await import(path))[resource.kind];
  } catch {
    Model = undefined;
  }
  if (typeof Model !== 'function') return { valid: false, errors: [`no schema for ${resource.apiVersion} ${resource.kind}`] };
  try {
    new Model(resource).validate();
    return { valid: true, errors: [] };
  } catch (error) {
    return { valid: false, errors: String(error?.message ?? error).split(', ') };
  }
}

const resources = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const resource of resources) results.push(await check(resource));
process.stdout.write(JSON.stringify(results));
