// σ_el,eff of the composite as a function of the NCM's own conductivity, from voxel solves of the
// electrode's electronic network at several NCM conductivities (model.md §3: the cell uses the
// microstructure's result, not a closed form).
import { type ElectronicConductivitySample, invalidInput } from '@solidcell/core';

/**
 * Effective electronic conductivity law through measured samples: piecewise power law
 * σ_eff ∝ σ_NCM^m between neighbouring samples (linear in log–log), extended beyond the samples
 * with the slope of the nearest pair.
 *
 * @remarks
 * The log–log slope m lies in [0, 1] for any resistor network whose NCM conductances scale with
 * σ_NCM (m = 1: the NCM carries all current; m = 0: carbon carries it); it is clipped there, so
 * an extrapolation cannot leave the physical range. One sample gives m = 1 (no carbon
 * information: the NCM network scales).
 */
export class ElectronicConductivityLaw {
  private readonly logSigmaNcm: Float64Array;
  private readonly logSigmaEff: Float64Array;

  /** @throws SolidCellError `E_INVALID_INPUT` for no samples or a non-positive conductivity. */
  public constructor(samples: readonly ElectronicConductivitySample[]) {
    if (samples.length === 0) {
      invalidInput('electronicConductivitySamples', samples, 'at least one sample');
    }
    for (const [i, s] of samples.entries()) {
      for (const [name, value] of [
        ['ncmConductivity_S_per_m', s.ncmConductivity_S_per_m],
        ['effectiveConductivity_S_per_m', s.effectiveConductivity_S_per_m],
      ] as const) {
        if (!Number.isFinite(value) || value <= 0) {
          invalidInput(
            `electronicConductivitySamples[${i}].${name}`,
            value,
            'a finite number > 0 S/m',
          );
        }
      }
    }
    const sorted = [...samples].sort(
      (a, b) => a.ncmConductivity_S_per_m - b.ncmConductivity_S_per_m,
    );
    this.logSigmaNcm = Float64Array.from(sorted, (s) => Math.log(s.ncmConductivity_S_per_m));
    this.logSigmaEff = Float64Array.from(sorted, (s) => Math.log(s.effectiveConductivity_S_per_m));
  }

  /** σ_el,eff (S/m) at an NCM conductivity (S/m, > 0). */
  public at(ncmConductivity_S_per_m: number): number {
    const n = this.logSigmaNcm.length;
    const u = Math.log(ncmConductivity_S_per_m);
    if (n === 1) return Math.exp(this.logSigmaEff[0]! + (u - this.logSigmaNcm[0]!));
    let i = 0;
    while (i < n - 2 && u > this.logSigmaNcm[i + 1]!) i++;
    const du = this.logSigmaNcm[i + 1]! - this.logSigmaNcm[i]!;
    const raw = du > 0 ? (this.logSigmaEff[i + 1]! - this.logSigmaEff[i]!) / du : 1;
    const slope = Math.min(1, Math.max(0, raw));
    return Math.exp(this.logSigmaEff[i]! + slope * (u - this.logSigmaNcm[i]!));
  }
}
