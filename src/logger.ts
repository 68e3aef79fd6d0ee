import { pino, type Logger } from 'pino';

export type { Logger };

/** One pino logger for the process; JSON lines on stdout (pipe to pino-pretty to read them). */
export function createLogger(level: string, name = 'recgraph'): Logger {
  return pino({ name, level });
}
