// Compact curves for reports and figures: pick at most N points of a time series, always keeping
// the first and last point of every protocol step.

/** A downsampled curve. */
export interface Curve {
  readonly time_s: number[];
  readonly voltageVsLiIn_V: number[];
  /** Cumulative capacity passed in the current step (mAh/g of NCM, ≥ 0). */
  readonly capacity_mAh_per_g: number[];
  readonly stepIndex: number[];
  readonly cycleIndex: number[];
}

/** Series needed from a cell time series. */
export interface CurveSource {
  readonly time_s: readonly number[];
  readonly voltageVsLiIn_V: readonly number[];
  readonly charge_C_per_m2: readonly number[];
  readonly stepIndex: readonly number[];
  readonly cycleIndex: readonly number[];
}

/**
 * Downsamples a time series to about `maxPoints`, converting charge to per-step capacity in
 * mAh/g with the NCM loading (kg/m²).
 */
export function downsampleCurve(
  source: CurveSource,
  ncmArealMass_kg_per_m2: number,
  maxPoints = 400,
): Curve {
  const n = source.time_s.length;
  const stride = Math.max(1, Math.ceil(n / maxPoints));
  const curve: Curve = {
    time_s: [],
    voltageVsLiIn_V: [],
    capacity_mAh_per_g: [],
    stepIndex: [],
    cycleIndex: [],
  };
  let stepStartCharge = source.charge_C_per_m2[0] ?? 0;
  for (let i = 0; i < n; i++) {
    const step = source.stepIndex[i]!;
    const isStepStart = i === 0 || source.stepIndex[i - 1] !== step;
    if (isStepStart) stepStartCharge = source.charge_C_per_m2[i]!;
    const isStepEnd = i === n - 1 || source.stepIndex[i + 1] !== step;
    if (!(isStepStart || isStepEnd || i % stride === 0)) continue;
    curve.time_s.push(source.time_s[i]!);
    curve.voltageVsLiIn_V.push(source.voltageVsLiIn_V[i]!);
    // C/m² ÷ kg/m² = C/kg; ÷ 3600 → mAh/g.
    curve.capacity_mAh_per_g.push(
      Math.abs(source.charge_C_per_m2[i]! - stepStartCharge) / ncmArealMass_kg_per_m2 / 3600,
    );
    curve.stepIndex.push(step);
    curve.cycleIndex.push(source.cycleIndex[i]!);
  }
  return curve;
}
