// Exports a sweep database as a table: CSV, and Parquet (columnar, read by pandas and Polars),
// each written atomically. Columns: index, key, status, the inputs, the metrics, error, seconds.
import { writeFileAtomic } from '@solidcell/microstructure/node';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { PointRecord } from './resultStore.js';

/** Column names of a table of rows: inputs then metrics, in order of first appearance. */
export function tableColumns(rows: readonly PointRecord[]): {
  inputs: string[];
  metrics: string[];
} {
  const inputs = new Set<string>();
  const metrics = new Set<string>();
  for (const row of rows) {
    for (const name of Object.keys(row.inputs)) inputs.add(name);
    for (const name of Object.keys(row.metrics)) metrics.add(name);
  }
  return { inputs: [...inputs], metrics: [...metrics] };
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The rows as CSV text (RFC 4180 quoting; empty cells for missing values). */
export function resultsToCsv(rows: readonly PointRecord[]): string {
  const { inputs, metrics } = tableColumns(rows);
  const header = ['index', 'key', 'status', ...inputs, ...metrics, 'error', 'seconds'];
  const lines = rows.map((row) =>
    [
      row.index,
      row.key,
      row.status,
      ...inputs.map((name) => row.inputs[name]),
      ...metrics.map((name) => row.metrics[name]),
      row.error,
      row.seconds,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

/** The rows as a Parquet file (inputs typed by their values: DOUBLE, STRING or BOOLEAN). */
export function resultsToParquet(rows: readonly PointRecord[]): Uint8Array {
  const { inputs, metrics } = tableColumns(rows);
  const inputType = (name: string): 'DOUBLE' | 'BOOLEAN' | 'STRING' => {
    const sample = rows.find((row) => row.inputs[name] !== undefined)?.inputs[name];
    return typeof sample === 'number'
      ? 'DOUBLE'
      : typeof sample === 'boolean'
        ? 'BOOLEAN'
        : 'STRING';
  };
  const columnData = [
    { name: 'index', data: rows.map((row) => row.index), type: 'INT32' as const },
    { name: 'key', data: rows.map((row) => row.key), type: 'STRING' as const },
    { name: 'status', data: rows.map((row) => row.status), type: 'STRING' as const },
    ...inputs.map((name) => ({
      name,
      data: rows.map((row) => row.inputs[name] ?? null),
      type: inputType(name),
    })),
    ...metrics.map((name) => ({
      name,
      data: rows.map((row) => row.metrics[name] ?? null),
      type: 'DOUBLE' as const,
    })),
    { name: 'error', data: rows.map((row) => row.error), type: 'STRING' as const },
    { name: 'seconds', data: rows.map((row) => row.seconds), type: 'DOUBLE' as const },
  ];
  return new Uint8Array(parquetWriteBuffer({ columnData, codec: 'UNCOMPRESSED' }));
}

/** Writes `<base>.csv` and `<base>.parquet`; returns their paths. */
export function exportResults(rows: readonly PointRecord[], base: string): string[] {
  const csv = `${base}.csv`;
  const parquet = `${base}.parquet`;
  writeFileAtomic(csv, resultsToCsv(rows));
  writeFileAtomic(parquet, resultsToParquet(rows));
  return [csv, parquet];
}
