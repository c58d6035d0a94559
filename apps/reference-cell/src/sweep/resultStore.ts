// The sweep's embedded results database: an append-only NDJSON file, one JSON row per point keyed
// by the hash of its resolved input, flushed to disk (fsync) after every batch. A torn last line
// (crash mid-append) is cut off when the file is opened; a key stored twice keeps its last row.
// Pure JavaScript on purpose: see docs/guides/sweep.md ("Why not SQLite").
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { AxisValue } from './designPoints.js';

/** One stored point. */
export interface PointRecord {
  readonly key: string;
  readonly index: number;
  readonly status: 'done' | 'failed';
  readonly inputs: Readonly<Record<string, AxisValue>>;
  /** Metric column → value; null where not defined (NaN). */
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly error: string | null;
  /** Wall time of the point's simulation (s). */
  readonly seconds: number;
  /** SolidCell version that computed it. */
  readonly solidcell: string;
}

/** Parses the rows of a database text; unparsable lines (a torn tail) are skipped. */
function parseRows(text: string): PointRecord[] {
  const rows: PointRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      rows.push(JSON.parse(line) as PointRecord);
    } catch {
      // A line cut short by a crash mid-append: the point runs again.
    }
  }
  return rows;
}

/** An open results database. */
export class ResultStore {
  private readonly status = new Map<string, PointRecord['status']>();
  private fd: number;

  private constructor(public readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      const end = text.lastIndexOf('\n') + 1;
      // Cut a torn last line so the next append starts on a fresh line.
      if (end < text.length) truncateSync(path, Buffer.byteLength(text.slice(0, end)));
      for (const row of parseRows(text.slice(0, end))) this.status.set(row.key, row.status);
    }
    this.fd = openSync(path, 'a');
  }

  /** Opens (creating if absent) the database at `path`. */
  public static open(path: string): ResultStore {
    return new ResultStore(path);
  }

  /** Status of a stored key, undefined when absent. */
  public statusOf(key: string): PointRecord['status'] | undefined {
    return this.status.get(key);
  }

  /** Number of distinct stored keys. */
  public get size(): number {
    return this.status.size;
  }

  /** Appends rows and flushes them to disk; a key already stored gets a newer row. */
  public append(rows: readonly PointRecord[]): void {
    if (rows.length === 0) return;
    writeSync(this.fd, rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
    fsyncSync(this.fd);
    for (const row of rows) this.status.set(row.key, row.status);
  }

  /** Closes the file. */
  public close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/** The rows of a database, last row per key, ordered by point index. */
export function readResults(path: string): PointRecord[] {
  const latest = new Map<string, PointRecord>();
  for (const row of parseRows(readFileSync(path, 'utf8'))) latest.set(row.key, row);
  return [...latest.values()].sort((a, b) => a.index - b.index);
}
