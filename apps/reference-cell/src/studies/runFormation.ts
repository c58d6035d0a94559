// Formation (first cycle at 0.05C) of one electrode: capacities, irreversible capacity, Coulombic
// efficiency, side-reaction charge and where in voltage the carbon side reaction happened.
import { createCellModel, simulateExperiment } from '@solidcell/cell';
import type { ProgressCallback } from '@solidcell/core';
import { type CellSetup, cellModelConfig } from './cellSetup.js';
import { type Curve, downsampleCurve } from './curves.js';
import { type MechanismBudget, mechanismBudget } from './mechanismBudget.js';
import { PAPER_SETTINGS } from './paperSettings.js';

/** Formation result (JSON). */
export interface FormationResult {
  readonly chargeMahG: number;
  readonly dischargeMahG: number;
  readonly irreversibleMahG: number;
  readonly coulombicEfficiencyPct: number;
  /** Charge into side reactions during the first charge (mAh/g of NCM). */
  readonly sideReactionMahG: number;
  /** Fraction of the first-charge side-reaction charge passed below 3.2 V vs Li-In (–). */
  readonly sideChargeFractionBelow3v2: number;
  /** Electrode SE volume fraction before and after formation (–). */
  readonly seVolumeFraction: { readonly initial: number; readonly final: number };
  readonly curve: Curve;
  readonly conservationErrorRelative: number;
  /** Which mechanism the charge went to (side reactions by site, stranded Li, film, SE). */
  readonly budget: MechanismBudget;
}

/** The formation protocol (voltages vs Li-In). */
export const FORMATION_PROTOCOL = [
  `Charge at 0.05C until ${PAPER_SETTINGS.upperCutoffVsLiIn_V} V`,
  `Discharge at 0.05C until ${PAPER_SETTINGS.lowerCutoffVsLiIn_V} V`,
] as const;

/** Runs the formation cycle. */
export function runFormation(setup: CellSetup, onProgress?: ProgressCallback): FormationResult {
  const model = createCellModel(cellModelConfig(setup));
  const result = simulateExperiment(model, FORMATION_PROTOCOL, {
    ...(onProgress ? { onProgress } : {}),
  });
  const cycle = result.cycles[0];
  const ts = result.timeSeries;
  const mass = result.cell.ncmArealMass_kg_per_m2;
  let belowSide = 0;
  let totalSide = 0;
  for (let i = 1; i < ts.time_s.length; i++) {
    if (ts.stepIndex[i] !== 0) break;
    const dq = ts.sideReactionCharge_C_per_m2[i]! - ts.sideReactionCharge_C_per_m2[i - 1]!;
    totalSide += dq;
    if (ts.voltageVsLiIn_V[i]! < 3.2) belowSide += dq;
  }
  const firstChargeEnd = result.steps[0]?.endTime_s ?? 0;
  const sideAtChargeEnd =
    ts.sideReactionCharge_C_per_m2[ts.time_s.findIndex((t) => t >= firstChargeEnd)] ?? totalSide;
  return {
    chargeMahG: cycle?.chargeCapacity_mAh_per_g ?? 0,
    dischargeMahG: cycle?.dischargeCapacity_mAh_per_g ?? 0,
    irreversibleMahG: cycle?.irreversibleCapacity_mAh_per_g ?? 0,
    coulombicEfficiencyPct: 100 * (cycle?.coulombicEfficiency ?? 0),
    sideReactionMahG: sideAtChargeEnd / mass / 3600,
    sideChargeFractionBelow3v2: totalSide > 0 ? belowSide / totalSide : 0,
    seVolumeFraction: {
      initial: ts.seVolumeFraction[0] ?? 0,
      final: ts.seVolumeFraction.at(-1) ?? 0,
    },
    curve: downsampleCurve(ts, mass),
    conservationErrorRelative:
      result.solver.maxConservationError_C_per_m2 /
      Math.max(1, result.solver.chargeThroughput_C_per_m2),
    budget: mechanismBudget(model, result),
  };
}
