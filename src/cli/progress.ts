/**
 * Progress of a long command on stderr: a bar on a terminal, otherwise a line every 5 s (logs
 * and CI; also with --json, whose summary goes to stdout). Shared by `overlaps detect` and
 * `jurisprudence link`.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, payload?: Record<string, string>): void;
  stop(): void;
}

/**
 * @param format the bar's cli-progress format ({bar}, {value}, {total}, payload keys)
 * @param line the line printed every 5 s when stderr is no terminal
 * @param quiet lines instead of a bar even on a terminal (with --json, for scripts)
 */
export function progress(
  format: string,
  line: (done: number, total: number, payload: Record<string, string>) => string,
  quiet: boolean,
): Progress {
  const bar =
    process.stderr.isTTY && !quiet
      ? new cliProgress.SingleBar(
          { format, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
  let lastLine = performance.now();
  let started = false;
  return {
    update(done, total, payload = {}) {
      if (bar) {
        if (!started) bar.start(total, 0, payload);
        started = true;
        bar.update(done, payload);
      } else if (performance.now() - lastLine > 5000) {
        lastLine = performance.now();
        console.error(line(done, total, payload));
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
