// Mean and sample standard deviation, over seeds, of every number in a JSON-like result.

/** A number summarised over seeds. */
export interface SeedStatistic {
  readonly mean: number;
  /** Sample standard deviation (n − 1); 0 for one seed. */
  readonly sd: number;
  readonly n: number;
}

function summarise(values: readonly number[]): SeedStatistic {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, sd: Math.sqrt(variance), n };
}

/**
 * Replaces every numeric leaf of the first result by its {@link SeedStatistic} over all results
 * (same shape expected); non-numeric leaves are kept from the first result.
 */
export function seedStatistics(results: readonly unknown[]): unknown {
  const first = results[0];
  if (typeof first === 'number') return summarise(results as number[]);
  if (first === null || typeof first !== 'object' || Array.isArray(first)) return first;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(first)) {
    out[key] = seedStatistics(results.map((r) => (r as Record<string, unknown>)[key]));
  }
  return out;
}
