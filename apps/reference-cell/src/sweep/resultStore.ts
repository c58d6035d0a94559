// The sweep's embedded results database: a DuckDB file (prebuilt binaries from the npm registry,
// no C toolchain), one row per point keyed by the hash of its resolved input. Results are
// committed in transactions; rows that arrive while a commit runs go into the next one (group
// commit), and `append` resolves only once its rows are durable, so a killed process loses no
// point it reported done. Legacy NDJSON stores are imported once (see importLegacyStore.ts).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { SolidCellError } from '@solidcell/core';
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

// Inputs and metrics are JSON text: their columns depend on the design.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS points (
  key VARCHAR PRIMARY KEY,
  point_index INTEGER NOT NULL,
  status VARCHAR NOT NULL,
  inputs VARCHAR NOT NULL,
  metrics VARCHAR NOT NULL,
  error VARCHAR,
  seconds DOUBLE NOT NULL,
  solidcell VARCHAR NOT NULL
)`;
const COLUMNS = 8;

/** A connection to a database file; `close` releases the file (its lock) at once. */
interface OpenDatabase {
  readonly connection: DuckDBConnection;
  readonly close: () => void;
}

async function connect(path: string, readOnly: boolean): Promise<OpenDatabase> {
  try {
    const instance = await DuckDBInstance.create(
      path,
      readOnly ? { access_mode: 'READ_ONLY' } : {},
    );
    const connection = await instance.connect();
    return {
      connection,
      close: () => {
        connection.closeSync();
        instance.closeSync();
      },
    };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new SolidCellError(
      'E_INVALID_INPUT',
      `database = ${path} is not allowed: expected a sweep database no other process has open (${reason})`,
      { field: 'database', value: path, allowed: 'a sweep database no other process has open' },
    );
  }
}

/** Rows to write in one statement: the last row of each key (a key twice in one INSERT fails). */
function lastPerKey(rows: readonly PointRecord[]): PointRecord[] {
  return [...new Map(rows.map((row) => [row.key, row])).values()];
}

/** An open results database (one writer process at a time). */
export class ResultStore {
  private readonly status = new Map<string, PointRecord['status']>();
  /** The batch that the next commit writes, and the promise of that commit. */
  private next: { rows: PointRecord[]; committed: Promise<void> } | undefined;
  private previous: Promise<void> = Promise.resolve();

  private constructor(
    public readonly path: string,
    private readonly database: OpenDatabase,
  ) {}

  /** Opens (creating if absent) the database at `path`. */
  public static async open(path: string): Promise<ResultStore> {
    mkdirSync(dirname(path), { recursive: true });
    const database = await connect(path, false);
    await database.connection.run(CREATE_TABLE);
    const store = new ResultStore(path, database);
    const reader = await database.connection.runAndReadAll('SELECT key, status FROM points');
    for (const [key, status] of reader.getRows()) {
      store.status.set(String(key), status as PointRecord['status']);
    }
    return store;
  }

  /** Status of a stored key, undefined when absent. */
  public statusOf(key: string): PointRecord['status'] | undefined {
    return this.status.get(key);
  }

  /** Number of distinct stored keys. */
  public get size(): number {
    return this.status.size;
  }

  /**
   * Stores rows (a key already stored gets the new row); resolves once they are committed.
   * Rows appended while a commit is running are written together by the next commit.
   */
  public append(rows: readonly PointRecord[]): Promise<void> {
    if (this.next === undefined) {
      const batch: PointRecord[] = [];
      const committed = this.previous.then(() => {
        this.next = undefined;
        return this.commit(batch);
      });
      this.next = { rows: batch, committed };
      this.previous = committed.catch(() => {});
    }
    this.next.rows.push(...rows);
    return this.next.committed;
  }

  private async commit(batch: readonly PointRecord[]): Promise<void> {
    const rows = lastPerKey(batch);
    if (rows.length === 0) return;
    const placeholders = rows.map(() => `(${Array(COLUMNS).fill('?').join(', ')})`).join(', ');
    const values = rows.flatMap((row) => [
      row.key,
      row.index,
      row.status,
      JSON.stringify(row.inputs),
      JSON.stringify(row.metrics),
      row.error,
      row.seconds,
      row.solidcell,
    ]);
    // One statement is one transaction: all rows of the batch or none.
    await this.database.connection.run(
      `INSERT OR REPLACE INTO points VALUES ${placeholders}`,
      values,
    );
    for (const row of rows) this.status.set(row.key, row.status);
  }

  /** Waits for pending commits, then closes the database. */
  public async close(): Promise<void> {
    await this.previous;
    this.database.close();
  }
}

/** The rows of a database, ordered by point index. */
export async function readResults(path: string): Promise<PointRecord[]> {
  if (!existsSync(path)) {
    throw new SolidCellError(
      'E_INVALID_INPUT',
      `database = ${path} is not allowed: expected an existing sweep database`,
      {
        field: 'database',
        value: path,
        allowed: 'an existing sweep database',
      },
    );
  }
  const database = await connect(path, true);
  try {
    const reader = await database.connection.runAndReadAll(
      'SELECT key, point_index, status, inputs, metrics, error, seconds, solidcell FROM points ORDER BY point_index',
    );
    return reader
      .getRows()
      .map(([key, index, status, inputs, metrics, error, seconds, version]) => ({
        key: String(key),
        index: Number(index),
        status: status as PointRecord['status'],
        inputs: JSON.parse(String(inputs)),
        metrics: JSON.parse(String(metrics)),
        error: error === null ? null : String(error),
        seconds: Number(seconds),
        solidcell: String(version),
      }));
  } finally {
    database.close();
  }
}
