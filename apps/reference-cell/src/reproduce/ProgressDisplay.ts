// Progress of a multi-experiment run on stderr: a live line per experiment on a terminal, or a
// line per start/quarter/finish when stderr is a file or pipe (CI logs stay short).

/** Anything with `write` (process.stderr in the app, a buffer in tests). */
export interface TextSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

interface Row {
  readonly label: string;
  fraction: number;
  stage: string;
  state: 'waiting' | 'running' | 'done' | 'cached' | 'failed';
  /** When its first progress arrived (ms since the epoch), NaN before. */
  startedAt: number;
  /** Wall time from its first progress to its end (s), NaN before it ends. */
  seconds: number;
}

const BAR_WIDTH = 20;

function bar(fraction: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
}

/** Shows the state of each experiment of a run. */
export class ProgressDisplay {
  private readonly rows: Row[];
  private drawnLines = 0;
  private readonly startedAt = Date.now();

  public constructor(
    labels: readonly string[],
    private readonly sink: TextSink,
  ) {
    this.rows = labels.map((label) => ({
      label,
      fraction: 0,
      stage: '',
      state: 'waiting',
      startedAt: Number.NaN,
      seconds: Number.NaN,
    }));
  }

  private line(row: Row): string {
    const status =
      row.state === 'running'
        ? `${bar(row.fraction)} ${(100 * row.fraction).toFixed(0).padStart(3)} %`
        : row.state === 'done' && Number.isFinite(row.seconds)
          ? `done in ${row.seconds.toFixed(1)} s`
          : row.state;
    return `${row.label.padEnd(28)} ${status} ${row.state === 'running' ? row.stage : ''}`.trimEnd();
  }

  private redraw(): void {
    if (!this.sink.isTTY) return;
    const up = this.drawnLines > 0 ? `\u001b[${this.drawnLines}A` : '';
    this.sink.write(`${up}${this.rows.map((row) => `\u001b[2K${this.line(row)}\n`).join('')}`);
    this.drawnLines = this.rows.length;
  }

  private log(row: Row): void {
    if (this.sink.isTTY) this.redraw();
    else this.sink.write(`${this.line(row)}\n`);
  }

  /** Marks an experiment as served from the cache. */
  public cached(index: number): void {
    const row = this.rows[index]!;
    row.state = 'cached';
    this.log(row);
  }

  /** Records progress of a running experiment. */
  public progress(index: number, fraction: number, stage: string): void {
    const row = this.rows[index]!;
    const quarterBefore = Math.floor(row.fraction * 4);
    const wasWaiting = row.state === 'waiting';
    if (wasWaiting) row.startedAt = Date.now();
    row.state = 'running';
    row.fraction = fraction;
    row.stage = stage;
    if (this.sink.isTTY) this.redraw();
    else if (wasWaiting || Math.floor(fraction * 4) > quarterBefore) this.log(row);
  }

  /** Marks an experiment finished. */
  public done(index: number): void {
    const row = this.rows[index]!;
    row.state = 'done';
    row.fraction = 1;
    row.seconds = (Date.now() - row.startedAt) / 1000;
    this.log(row);
  }

  /** Marks an experiment failed. */
  public failed(index: number): void {
    const row = this.rows[index]!;
    row.state = 'failed';
    this.log(row);
  }

  /** Seconds since the display was created. */
  public elapsed_s(): number {
    return (Date.now() - this.startedAt) / 1000;
  }
}
