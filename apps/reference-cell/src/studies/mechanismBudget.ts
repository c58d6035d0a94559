// The mechanism budget of a simulated experiment (issue 17 item 8): which mechanism a capacity
// loss came from — SE oxidation on carbon and on NCM, Li stranded in the NCM by polarisation,
// interphase film, SE consumed and NCM|SE contact lost (M7) — read from the final state of the cell.
import { ARGYRODITE_OXIDATION_STATE, ArgyroditeOxidation } from '@solidcell/argyrodite-oxidation';
import type { CellModel, SimulationResult } from '@solidcell/cell';
import { FARADAY_C_per_mol } from '@solidcell/core';

/** Where the charge of an experiment went (per g NCM unless stated). */
export interface MechanismBudget {
  /** SE-oxidation charge passed on the carbon|SE interface (mAh/g). */
  readonly sideOnCarbonMahG: number;
  /** SE-oxidation charge passed on the NCM|SE interface (mAh/g). */
  readonly sideOnNcmMahG: number;
  /**
   * Li missing from the connected NCM at the end that no side reaction and no isolation explains:
   * stranded by polarisation (diffusion, kinetics, transport) at the last cut-off (mAh/g) = net
   * charge − side charge − Li held in isolated NCM.
   */
  readonly strandedLithiumMahG: number;
  /** Li held in NCM isolated by contact loss (mAh/g): empty sites it took along are not counted. */
  readonly lithiumInIsolatedNcmMahG: number;
  /**
   * Capacity lost to contact loss (mAh/g): the lithiation window of the NCM isolated by contact
   * loss, which no later cycle can reach.
   */
  readonly contactLossCapacityMahG: number;
  /** Mean share of the initial NCM|SE contact lost (%). */
  readonly contactLostPct: number;
  /** Mean interphase film resistance at the end (Ω m² of NCM|SE contact). */
  readonly filmResistance_ohm_m2: number;
  /** Electrode SE volume fraction lost from the Li⁺ pathways (percentage points of electrode volume). */
  readonly seConsumedPct: number;
}

/** Budget of a result simulated on `model` (its final state and time series). */
export function mechanismBudget(model: CellModel, result: SimulationResult): MechanismBudget {
  const perMahG = 1 / (model.ncmArealMass_kg_per_m2 * 3600);
  const y = result.finalState;
  const h = model.electrodeThickness_m / model.ne;
  let carbon = 0;
  let ncm = 0;
  let offset = 0;
  for (const reaction of model.physics.sideReactions ?? []) {
    if (reaction instanceof ArgyroditeOxidation) {
      const areas = reaction.areas({
        electrodePotential_V: 0,
        temperature_K: model.temperature_K,
        descriptors: model.descriptors,
      });
      for (let e = 0; e < model.ne; e++) {
        const q = model.nodeOffset(e) + 4 + model.nr + offset;
        carbon +=
          h * areas.carbonReactiveArea_m2_per_m3 * y[q + ARGYRODITE_OXIDATION_STATE.carbonCharge]!;
        ncm += h * areas.ncmSeArea_m2_per_m3 * y[q + ARGYRODITE_OXIDATION_STATE.ncmCharge]!;
      }
    }
    offset += reaction.stateVariables.length;
  }
  // Charge of all NCM sites of one node (C/m²) and the node means of the contact-loss state.
  const nodeSites_C_per_m2 =
    FARADAY_C_per_mol * model.maxConcentration_mol_per_m3 * model.ncmFraction * h;
  let isolatedLi = 0;
  let isolated = 0;
  let lost = 0;
  for (let e = 0; e < model.ne; e++) {
    const state = model.contactState(y, e);
    isolatedLi += state.isolatedLithiation * nodeSites_C_per_m2;
    isolated += state.isolated / model.ne;
    lost += state.lost / model.ne;
  }
  const ts = result.timeSeries;
  const net = ts.charge_C_per_m2.at(-1) ?? 0;
  const side = ts.sideReactionCharge_C_per_m2.at(-1) ?? 0;
  return {
    sideOnCarbonMahG: carbon * perMahG,
    sideOnNcmMahG: ncm * perMahG,
    strandedLithiumMahG: (net - side - isolatedLi) * perMahG,
    lithiumInIsolatedNcmMahG: isolatedLi * perMahG,
    contactLossCapacityMahG: isolated * model.windowCapacity_C_per_m2 * perMahG,
    contactLostPct: 100 * lost,
    filmResistance_ohm_m2: ts.filmResistance_ohm_m2.at(-1) ?? 0,
    seConsumedPct: 100 * ((ts.seVolumeFraction[0] ?? 0) - (ts.seVolumeFraction.at(-1) ?? 0)),
  };
}
