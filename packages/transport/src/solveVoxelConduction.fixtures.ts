// Shared fixtures of the voxel-solver tests: conductivity tables and analytic references.
import type { ElectrodePhase } from '@solidcell/core';
import { labelConductivityTable } from './conductivityTable.js';

/** A label table from per-phase conductivities (S/m); unspecified phases are insulating. */
export function table(sigma: Partial<Record<ElectrodePhase, number>>): Float64Array {
  return labelConductivityTable({ pore: 0, ncm: 0, se: 0, carbon: 0, binder: 0, ...sigma });
}

/** Maxwell–Garnett conductivity of spheres (σ_i) at fraction f in a matrix (σ_m) (S/m). */
export function maxwellGarnett_S_per_m(
  sigmaMatrix: number,
  sigmaInclusion: number,
  f: number,
): number {
  const d = sigmaInclusion - sigmaMatrix;
  return (
    (sigmaMatrix * (sigmaInclusion + 2 * sigmaMatrix + 2 * f * d)) /
    (sigmaInclusion + 2 * sigmaMatrix - f * d)
  );
}

/** Relative difference |a − b| / |b|. */
export function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

/** Prints a measured number to the test log (tests run without DOM/Node typings). */
export function report(line: string): void {
  (globalThis as { console?: { log(text: string): void } }).console?.log(line);
}
