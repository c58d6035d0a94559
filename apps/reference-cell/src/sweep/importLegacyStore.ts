// Imports a results store of an earlier SolidCell (append-only NDJSON, one JSON row per point,
// the last row of a key winning, a torn last line skipped) into the DuckDB database, then renames
// it to `<name>.imported` so it is imported once.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import type { PointRecord, ResultStore } from './resultStore.js';

/** The rows of an NDJSON store, last row per key; unparsable lines (a torn tail) are skipped. */
export function parseLegacyRows(text: string): PointRecord[] {
  const latest = new Map<string, PointRecord>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const row = JSON.parse(line) as PointRecord;
      latest.set(row.key, row);
    } catch {
      // A line cut short by a crash mid-append: that point runs again.
    }
  }
  return [...latest.values()];
}

/** Imports `legacyPath` when it exists; returns the number of rows imported. */
export async function importLegacyStore(legacyPath: string, store: ResultStore): Promise<number> {
  if (!existsSync(legacyPath)) return 0;
  const rows = parseLegacyRows(readFileSync(legacyPath, 'utf8'));
  await store.append(rows);
  renameSync(legacyPath, `${legacyPath}.imported`);
  return rows.length;
}
