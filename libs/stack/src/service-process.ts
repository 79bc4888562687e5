import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './stack-services';

export interface ServiceProcess {
  service: string;
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM and wait: the graceful path. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait: a crash. */
  kill(): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartServiceOptions {
  service: string;
  env: NodeJS.ProcessEnv;
  /** Also append the output to this file. */
  logFile?: string;
  healthTimeoutMs?: number;
}

/**
 * Runs a service as its own Node process, from its compiled output, with OpenTelemetry loaded
 * before anything else, and resolves once its /health answers 200.
 */
export async function startServiceProcess(options: StartServiceOptions): Promise<ServiceProcess> {
  const port = options.env.PORT;
  const child = spawn(
    process.execPath,
    ['--require', '@obolus/observability/register', join(repositoryRoot, 'services', options.service, 'dist/main.js')],
    { cwd: repositoryRoot, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
    log?.write(chunk);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      log?.end();
      resolve({ code, signal });
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const process_: ServiceProcess = {
    service: options.service,
    url,
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return (await exited).code;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + (options.healthTimeoutMs ?? 60_000);
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  while (Date.now() < deadline) {
    if (exitedEarly) throw new Error(`${options.service} exited during start:\n${output.slice(-4000)}`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(3000) });
      if (response.ok) return process_;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await process_.kill();
  throw new Error(`${options.service} was not healthy within ${options.healthTimeoutMs ?? 60_000} ms:\n${output.slice(-4000)}`);
}
