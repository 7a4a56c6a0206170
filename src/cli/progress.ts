// A progress bar for long imports and exports, drawn on stderr and only when stderr is a terminal, so
// piped and redirected output (and CI logs) stay clean.
import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  /** Starts (or restarts) the bar at 0 of `total`. */
  start(total: number, label: string): void;
  update(done: number, total?: number): void;
  stop(): void;
}

/** Draws nothing: for output that is not a terminal, or that shares one with the data. */
export const SILENT_PROGRESS: Progress = { start() {}, update() {}, stop() {} };

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return SILENT_PROGRESS;
  let bar: SingleBar | null = null;
  return {
    start(total, label) {
      bar?.stop();
      bar = new SingleBar(
        { stream, format: `${label} [{bar}] {value}/{total}`, hideCursor: true, clearOnComplete: true, fps: 10 },
        Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    update(done, total) {
      if (total !== undefined) bar?.setTotal(total);
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
