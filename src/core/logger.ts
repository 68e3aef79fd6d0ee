import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * One pino logger for the process: JSON lines (pipe to pino-pretty to read them), on stdout for
 * the server and on stderr for CLI commands, whose stdout carries their output.
 */
export function createLogger(
  level: string,
  options: { stream?: 'stdout' | 'stderr' } = {},
): Logger {
  return pino({ name: 'recgraph', level }, pino.destination(options.stream === 'stderr' ? 2 : 1));
}
