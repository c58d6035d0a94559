// Docs sample (Concepts › Effective transport, Playground): the closed-form percolation law of
// parameters.md §6.1 for the electrode ionic conductivity. An estimate, not the voxel solve.
// #region percolation
/** Parameters of the percolation law (parameters.md §6.1 and §10). */
export interface PercolationLaw {
  /** Bulk SE conductivity (S/m); Li6PS5Cl at 25 °C: 0.2. */
  readonly bulkConductivity_S_per_m: number;
  /** Percolation threshold φ_c (volume fraction); recommended 0.07 (parameters.md §6.1). */
  readonly threshold: number;
  /** Conductivity exponent t; universal 3D value 2.0. */
  readonly exponent: number;
  /** Fraction β of carbon volume that blocks SE paths: SC 0.2, CF 0.05. */
  readonly carbonBlocking: number;
}

/** The recommended law for Li6PS5Cl at 25 °C with spherical carbon (parameters.md §10). */
export const PERCOLATION_LAW_SC: PercolationLaw = {
  bulkConductivity_S_per_m: 0.2,
  threshold: 0.07,
  exponent: 2,
  carbonBlocking: 0.2,
};

/**
 * σ_ion,eff = σ_SE ((φ_SE,eff − φ_c)/(1 − φ_c))^t with φ_SE,eff = φ_SE − β φ_C, and the floor
 * 1e-4 σ_SE below the threshold (S/m). Fractions are electrode volume fractions.
 */
export function percolationIonicConductivity_S_per_m(
  seFraction: number,
  carbonFraction: number,
  law: PercolationLaw = PERCOLATION_LAW_SC,
): number {
  const effective = seFraction - law.carbonBlocking * carbonFraction;
  const floor = 1e-4 * law.bulkConductivity_S_per_m;
  if (effective <= law.threshold) return floor;
  const reduced = (effective - law.threshold) / (1 - law.threshold);
  return Math.max(floor, law.bulkConductivity_S_per_m * reduced ** law.exponent);
}
// #endregion percolation
