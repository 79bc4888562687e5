/**
 * One config loader for every service. Each variable is declared once with its parser; a missing or
 * invalid one stops the start with a single line that names it.
 */
export interface ConfigVariable<T> {
  description: string;
  default?: string;
  /** Unset or empty means "not configured": the value is undefined instead of an error. */
  optional?: boolean;
  parse(raw: string): T;
}

export type ConfigSpec = Record<string, ConfigVariable<unknown>>;
export type ConfigOf<S extends ConfigSpec> = { [K in keyof S]: S[K] extends ConfigVariable<infer T> ? T : never };

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`configuration error: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig<S extends ConfigSpec>(spec: S, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const config: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(spec)) {
    const raw = env[name] || variable.default;
    if (raw === undefined || raw === '') {
      if (variable.optional) continue;
      throw new ConfigError(name, `is required (${variable.description})`);
    }
    try {
      config[name] = variable.parse(raw);
    } catch (error) {
      throw new ConfigError(name, `is invalid: ${(error as Error).message} (${variable.description})`);
    }
  }
  return config as ConfigOf<S>;
}

/** A variable that may be left unset: the service runs without what it configures. */
export const optional = <T>(variable: ConfigVariable<T>): ConfigVariable<T | undefined> => ({ ...variable, optional: true });

export const str = (description: string, defaultValue?: string): ConfigVariable<string> => ({
  description,
  default: defaultValue,
  parse: (raw) => raw,
});

export const port = (description: string, defaultValue?: number): ConfigVariable<number> => ({
  description,
  default: defaultValue?.toString(),
  parse: (raw) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`'${raw}' is not a TCP port`);
    return value;
  },
});

export const int = (description: string, defaultValue?: number, min = 0): ConfigVariable<number> => ({
  description,
  default: defaultValue?.toString(),
  parse: (raw) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`'${raw}' is not an integer >= ${min}`);
    return value;
  },
});

export const url = (description: string, protocols: string[], defaultValue?: string): ConfigVariable<string> => ({
  description,
  default: defaultValue,
  parse: (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error('is not a URL');
    }
    if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) throw new Error(`must use ${protocols.join(' or ')}`);
    return raw;
  },
});

export const brokerList = (description: string, defaultValue?: string): ConfigVariable<string[]> => ({
  description,
  default: defaultValue,
  parse: (raw) => {
    const brokers = raw
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean);
    const bad = brokers.find((b) => !/^[\w.-]+:\d{1,5}$/.test(b));
    if (!brokers.length || bad !== undefined) throw new Error(`'${bad ?? raw}' is not host:port`);
    return brokers;
  },
});
