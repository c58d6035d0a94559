// Names the physical reason when a constant-current step cannot even start: the consistent
// initialisation fails when the electrode's ionic or electronic network cannot carry the current,
// i.e. the ohmic drop j·L/σ_eff alone exceeds the voltage window (high porosity or little SE:
// the SE network near its percolation threshold; thick, highly loaded electrodes; little carbon).
import { isSolidCellError, SolidCellError } from '@solidcell/core';
import type { CellModel } from '../model/CellModel.js';

/**
 * Ohmic drop above which a step is reported as one the electrode cannot carry (V): 1 V is more
 * than half of the 1.9–3.7 V vs Li-In window of the paper's protocols, so no state of charge
 * leaves room for the kinetics; every failing case measured had ≥ 4.8 V, every passing one ≤ 2.6 V
 * (the latter at the most delithiated state, not at the start).
 */
export const UNCARRIABLE_OHMIC_DROP_V = 1;

const pct = (fraction: number) => `${(100 * fraction).toFixed(1)} vol%`;

/**
 * Returns a SolidCellError naming the network, its conductivity, the ohmic drop and the
 * composition when `error` is a failed consistent initialisation of a current step whose ohmic
 * drop exceeds {@link UNCARRIABLE_OHMIC_DROP_V}; otherwise `error` itself.
 */
export function explainInitialisationFailure(error: unknown, model: CellModel): unknown {
  if (
    !isSolidCellError(error) ||
    error.code !== 'E_SOLVER_NOT_CONVERGED' ||
    !error.message.startsWith('consistent initialisation') ||
    model.mode !== 'current'
  ) {
    return error;
  }
  const current_A_per_m2 = Math.abs(model.setPoint(0));
  const length_m = model.electrodeThickness_m;
  const networks = [
    { name: 'ionic (SE)', sigma: Math.min(...model.sigmaIon) },
    { name: 'electronic (carbon and NCM)', sigma: Math.min(...model.sigmaEl) },
  ].map((n) => ({ ...n, drop_V: (current_A_per_m2 * length_m) / n.sigma }));
  const worst = networks.reduce((a, b) => (b.drop_V > a.drop_V ? b : a));
  if (!(worst.drop_V > UNCARRIABLE_OHMIC_DROP_V)) return error;
  const cRate = (3600 * current_A_per_m2) / model.referenceCapacity_C_per_m2;
  return new SolidCellError(
    'E_SOLVER_NOT_CONVERGED',
    `the electrode cannot carry ${current_A_per_m2.toPrecision(3)} A/m² (${cRate.toPrecision(2)}C): its ${worst.name} network, σ_eff = ${worst.sigma.toExponential(2)} S/m over ${(length_m * 1e6).toFixed(0)} µm, would need an ohmic drop of ${worst.drop_V.toPrecision(3)} V, more than the voltage window (NCM ${pct(model.ncmFraction)}, SE ${pct(model.initialSeFraction)}); use more SE or carbon, a lower porosity or a lower loading`,
    { field: 'electrode', value: { thickness_m: length_m, sigma_S_per_m: worst.sigma } },
  );
}
