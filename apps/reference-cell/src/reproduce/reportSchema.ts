// The stable schema of report.json (version 1), used to validate what the app writes.
import { z } from 'zod';

/** Current report schema version. */
export const REPORT_SCHEMA_VERSION = 1;

/** Metric ids every report contains (series expanded), in `metrics` or in `stepsNotRun`. */
export const REQUIRED_METRIC_PATTERNS: readonly RegExp[] = [
  /^composition\.se_vol_pct\.ncm(80|85|90)_sc3$/,
  /^conductivity\.ionic_s_per_m\.(ncm80_sc3|ncm85_sc3|ncm90_sc3|dry_sc1|dry_cf1)$/,
  /^formation\.irreversible_mah_g\.ncm90_sc[0-3]$/,
  /^rate\.discharge_mah_g\.dry_cf1\.2C$/,
  /^cv\.peak_ma\.(sc|cf)$/,
  /^runtime\.total_s$/,
];

/** Zod schema of report.json. */
export const reportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  solidcellVersion: z.string(),
  settings: z.record(z.string(), z.unknown()),
  metrics: z.record(
    z.string(),
    z.object({ value: z.number().finite(), unit: z.string(), description: z.string() }),
  ),
  omittedMetrics: z.array(z.string()),
  /** Metrics whose protocol step did not run, with the reason (e.g. IR drop beyond the cut-off). */
  stepsNotRun: z.array(z.object({ metric: z.string(), endedBy: z.string() })),
});

/** A validated report. */
export type Report = z.infer<typeof reportSchema>;
