// Progress of a sweep on stderr: points done (of which failed and already stored), points/s and
// ETA; redrawn in place on a terminal at most every 0.5 s, a line every 5 s when piped to a log.
import type { TextSink } from '../reproduce/ProgressDisplay.js';

/** Counts of a sweep in progress. */
export interface SweepCounts {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly stored: number;
}

/** Formats seconds as `1h02m`, `3m05s` or `12s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s >= 3600)
    return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/** The one-line progress text; `rate` counts points computed by this run only. */
export function progressLine(counts: SweepCounts, elapsed_s: number): string {
  const computed = counts.done + counts.failed;
  const finished = computed + counts.stored;
  const rate = elapsed_s > 0 ? computed / elapsed_s : 0;
  const eta = rate > 0 ? (counts.total - finished) / rate : Number.NaN;
  return `sweep: ${finished}/${counts.total} points (${counts.failed} failed, ${counts.stored} already stored), ${rate.toFixed(2)} points/s, ETA ${formatDuration(eta)}`;
}

/** Throttled progress on a sink. */
export class SweepProgress {
  private readonly started = performance.now();
  private lastDrawn = Number.NEGATIVE_INFINITY;
  private counts: SweepCounts;

  public constructor(
    total: number,
    private readonly sink: TextSink,
  ) {
    this.counts = { total, done: 0, failed: 0, stored: 0 };
  }

  /** Seconds since the start. */
  public elapsed_s(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** Current counts. */
  public get current(): SweepCounts {
    return this.counts;
  }

  /** Records a finished point and redraws when due. */
  public add(kind: 'done' | 'failed' | 'stored'): void {
    this.counts = { ...this.counts, [kind]: this.counts[kind] + 1 };
    const now = performance.now();
    if (now - this.lastDrawn >= (this.sink.isTTY ? 500 : 5000)) this.draw(now);
  }

  /** Draws the final line. */
  public finish(): void {
    this.draw(performance.now());
    if (this.sink.isTTY) this.sink.write('\n');
  }

  private draw(now: number): void {
    this.lastDrawn = now;
    const line = progressLine(this.counts, this.elapsed_s());
    this.sink.write(this.sink.isTTY ? `\r\u001b[2K${line}` : `${line}\n`);
  }
}
