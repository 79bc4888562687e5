/** The slice of a logger the messaging layer needs; pino and Nest's logger both fit through an adapter. */
export interface MessagingLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: MessagingLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
