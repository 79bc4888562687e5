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
  /** The last lines it printed, for a report of why it stopped. */
  lastLines(count?: number): string;
  /** Resolves once /health answers 200; rejects (and kills the process) if it exits or times out first. */
  ready: Promise<void>;
  /** SIGTERM and wait, then SIGKILL after `deadlineMs`: the graceful path, bounded. */
  stop(deadlineMs?: number): Promise<number | null>;
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

/** Stops a child with SIGTERM, and with SIGKILL if it is still there after the deadline. */
export async function stopWithDeadline(child: ChildProcess, exited: Promise<unknown>, deadlineMs: number): Promise<void> {
  const running = () => child.exitCode === null && child.signalCode === null;
  if (!running()) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), deadlineMs)));
  const outcome = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout' && running()) {
    child.kill('SIGKILL');
    await exited;
  }
}

export interface NodeProcessOptions {
  /** Shown in errors and reports. */
  name: string;
  /** Arguments to `node`. */
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Also append the output to this file. */
  logFile?: string;
  /** Polled until it answers; `health` wants a 200, `any` any HTTP answer. */
  probe: { url: string; accept: 'health' | 'any' };
  timeoutMs?: number;
}

/**
 * Spawns a Node process and returns at once, so a caller can always stop what it spawned; `ready`
 * says when its probe answers.
 */
export function spawnNodeProcess(options: NodeProcessOptions): Omit<ServiceProcess, 'service' | 'url'> {
  const child = spawn(process.execPath, options.args, {
    cwd: repositoryRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
    log?.write(chunk);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  let exitedEarly = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      exitedEarly = true;
      log?.end();
      resolve({ code, signal });
    }),
  );
  const lastLines = (count = 15) => output.trimEnd().split('\n').slice(-count).join('\n');
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  const timeoutMs = options.timeoutMs ?? 60_000;
  const ready = (async () => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (exitedEarly) throw new Error(`${options.name} exited during start:\n${lastLines(40)}`);
      try {
        const response = await fetch(options.probe.url, { signal: AbortSignal.timeout(3000) });
        if (options.probe.accept === 'any' || response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await kill();
    throw new Error(`${options.name} did not answer on ${options.probe.url} within ${timeoutMs} ms:\n${lastLines(40)}`);
  })();
  ready.catch(() => undefined); // a caller that never awaits `ready` still sees the exit through `exited`
  return {
    child,
    output: () => output,
    lastLines,
    ready,
    exited,
    stop: async (deadlineMs = 10_000) => {
      await stopWithDeadline(child, exited, deadlineMs);
      return (await exited).code;
    },
    kill,
  };
}

/** Spawns a service from its compiled output, with OpenTelemetry loaded before anything else. */
export function spawnServiceProcess(options: StartServiceOptions): ServiceProcess {
  const url = `http://127.0.0.1:${options.env.PORT}`;
  const running = spawnNodeProcess({
    name: options.service,
    args: ['--require', '@obolus/observability/register', join(repositoryRoot, 'services', options.service, 'dist/main.js')],
    env: options.env,
    logFile: options.logFile,
    probe: { url: `${url}/health`, accept: 'health' },
    timeoutMs: options.healthTimeoutMs,
  });
  return { ...running, service: options.service, url };
}

/** Spawns a service and resolves once its /health answers 200. */
export async function startServiceProcess(options: StartServiceOptions): Promise<ServiceProcess> {
  const running = spawnServiceProcess(options);
  await running.ready;
  return running;
}
