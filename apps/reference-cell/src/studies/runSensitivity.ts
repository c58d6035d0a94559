// Sensitivity of the headline outputs to the assumption-grade parameters (issue 17 item 10): each
// parameter at both ends of its literature range, the others at their defaults, on a reduced set
// (90/7/3 wt% SC, coarse mesh: formation, 0.1C charge, 1C discharge; NCM|SE contact lost).
import { createCellModel, simulateExperiment } from '@solidcell/cell';
import { isSolidCellError } from '@solidcell/core';
import type { CellParameterOverrides, CellSetup } from './cellSetup.js';
import { cellModelConfig } from './cellSetup.js';
import { mechanismBudget } from './mechanismBudget.js';
import { PAPER_SETTINGS } from './paperSettings.js';
import { FORMATION_PROTOCOL } from './runFormation.js';

/** An assumption-grade parameter and its literature range (parameters.md). */
export interface AssumedParameter {
  readonly plugin: keyof CellParameterOverrides;
  readonly name: string;
  readonly range: readonly [number, number];
  readonly source: string;
}

/** The assumption-grade parameters of the cell and their ranges. */
export const ASSUMED_PARAMETERS: readonly AssumedParameter[] = [
  {
    plugin: 'ncm',
    name: 'exchangeCurrentDensityRef_A_per_m2',
    range: [0.05, 5],
    source: 'parameters.md §7.2',
  },
  {
    plugin: 'ncm',
    name: 'electronicConductivityLithiated_S_per_m',
    range: [1e-5, 1e-2],
    source: 'parameters.md §6.2',
  },
  { plugin: 'oxidation', name: 'couplingFactor', range: [1, 3], source: 'parameters.md §8' },
  {
    plugin: 'oxidation',
    name: 'carbonPassivationCharge_C_per_m2',
    range: [5, 50],
    source: 'parameters.md §8',
  },
  {
    plugin: 'oxidation',
    name: 'interphaseConductivity_S_per_m',
    range: [1e-9, 1e-5],
    source: 'parameters.md §8.1',
  },
  {
    plugin: 'oxidation',
    name: 'productBlockingFactor',
    range: [0, 1],
    source: 'assumption (argyrodite-oxidation; parameters.md §8.1)',
  },
  {
    plugin: 'oxidation',
    name: 'productMolarVolumePerElectron_m3_per_mol',
    range: [1e-5, 3e-5],
    source: 'parameters.md §8.1',
  },
  {
    plugin: 'oxidation',
    name: 'intermediateDecayRate_per_s',
    range: [1e-5, 1e-3],
    source: 'assumption (argyrodite-oxidation)',
  },
  {
    plugin: 'oxidation',
    name: 'carbonReactivationFraction',
    range: [1e-9, 1e-5],
    source: 'assumption (argyrodite-oxidation)',
  },
  {
    plugin: 'contactLoss',
    name: 'contactLossPerVolumetricStrain',
    range: [0.01, 0.2],
    source: 'assumption (cell contactLoss; Koerver 2017, Shi 2020)',
  },
  {
    plugin: 'contactLoss',
    name: 'gapClosingPressure_Pa',
    range: [10e6, 200e6],
    source: 'assumption (cell contactLoss)',
  },
  {
    plugin: 'contactLoss',
    name: 'consumedSeSusceptibility',
    range: [1, 10],
    source: 'assumption (cell contactLoss)',
  },
  {
    plugin: 'contactLoss',
    name: 'carbonInSeSusceptibility',
    range: [1, 20],
    source: 'assumption (cell contactLoss)',
  },
  {
    plugin: 'contactLoss',
    name: 'isolatedShareOfLoss',
    range: [0.2, 1],
    source: 'assumption (cell contactLoss)',
  },
];

/** Headline outputs of the reduced set (mAh/g, %). */
export interface SensitivityOutputs {
  readonly irreversibleMahG: number;
  readonly formationCePct: number;
  /** Null when the 1C discharge could not start (e.g. IR drop beyond the cut-off). */
  readonly oneCDischargeMahG: number | null;
  /** NCM|SE contact lost by the end (node mean, % of the initial contact; model.md M7). */
  readonly contactLostPct: number;
}

/** One parameter at both range ends (numbers only: the result is cached as study data). */
export interface SensitivityRow {
  readonly low: SensitivityOutputs | null;
  readonly high: SensitivityOutputs | null;
}

/** Result of {@link runSensitivity} (JSON); rows keyed by {@link assumedParameterId}. */
export interface SensitivityResult {
  readonly baseline: SensitivityOutputs | null;
  readonly rows: Readonly<Record<string, SensitivityRow>>;
}

/** `plugin.name` of an assumed parameter (the key of its row). */
export function assumedParameterId(p: AssumedParameter): string {
  return `${p.plugin}.${p.name}`;
}

const PROTOCOL = [
  ...FORMATION_PROTOCOL,
  `Charge at 0.1C until ${PAPER_SETTINGS.upperCutoffVsLiIn_V} V`,
  `Discharge at 1C until ${PAPER_SETTINGS.lowerCutoffVsLiIn_V} V`,
];

function outputs(setup: CellSetup): SensitivityOutputs | null {
  try {
    const model = createCellModel(cellModelConfig(setup));
    const r = simulateExperiment(model, PROTOCOL, { recordEvery: 100 });
    const formation = r.cycles[0];
    const oneC = r.steps[PROTOCOL.length - 1];
    const ce = formation?.coulombicEfficiency;
    if (formation === undefined || oneC === undefined || ce === undefined || ce === null)
      return null;
    return {
      irreversibleMahG: formation.irreversibleCapacity_mAh_per_g,
      formationCePct: 100 * ce,
      oneCDischargeMahG: oneC.notStarted
        ? null
        : (r.cycles[1]?.dischargeCapacity_mAh_per_g ?? null),
      contactLostPct: mechanismBudget(model, r).contactLostPct,
    };
  } catch (error) {
    // A solver/input failure is reported as missing (null), never as numbers; bugs propagate.
    if (isSolidCellError(error)) return null;
    throw error;
  }
}

/** Runs the baseline and every assumed parameter at both ends of its range. */
export function runSensitivity(setup: CellSetup): SensitivityResult {
  const base = { ...setup, coarse: true };
  const withValue = (p: AssumedParameter, value: number): CellSetup => ({
    ...base,
    parameterOverrides: {
      ...base.parameterOverrides,
      [p.plugin]: { ...base.parameterOverrides?.[p.plugin], [p.name]: value },
    },
  });
  return {
    baseline: outputs(base),
    rows: Object.fromEntries(
      ASSUMED_PARAMETERS.map((p) => [
        assumedParameterId(p),
        { low: outputs(withValue(p, p.range[0])), high: outputs(withValue(p, p.range[1])) },
      ]),
    ),
  };
}
