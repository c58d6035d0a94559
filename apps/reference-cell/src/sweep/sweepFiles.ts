// Where a sweep keeps its files: the database, its CSV/Parquet exports and its figures.
import { join } from 'node:path';

/** The files of a sweep output folder. */
export function sweepFiles(outDir: string) {
  return {
    database: join(outDir, 'points.duckdb'),
    /** The NDJSON store of SolidCell before the DuckDB database, imported on the next run. */
    legacyDatabase: join(outDir, 'points.ndjson'),
    /** Base path of the exports (`.csv`, `.parquet`). */
    table: join(outDir, 'points'),
    figures: join(outDir, 'figures'),
  } as const;
}
