// The report's metrics: every value computed by the model in this run, with unit and description.
import { describeComposition, parseCompositionInput } from '@solidcell/core';
import { PAPER_ELECTRODES } from '../paperElectrodes.js';
import type { MechanismBudget } from '../studies/mechanismBudget.js';
import type { PulseResult } from '../studies/runPulse.js';
import type { StudyResults } from './runStudy.js';

/** One metric of report.json. */
export interface Metric {
  readonly value: number;
  readonly unit: string;
  readonly description: string;
}

const RATE_LABEL = (c: number): string => `${c}C`;

/** The mechanism-budget entries with unit and description (issue 17 item 8). */
export const BUDGET_ITEMS: readonly (readonly [keyof MechanismBudget, string, string])[] = [
  ['sideOnCarbonMahG', 'mAh/g', 'SE-oxidation charge on the carbon|SE interface, whole experiment'],
  ['sideOnNcmMahG', 'mAh/g', 'SE-oxidation charge on the NCM|SE interface, whole experiment'],
  [
    'strandedLithiumMahG',
    'mAh/g',
    'Li missing from the connected NCM that no side reaction explains (polarisation)',
  ],
  ['lithiumInIsolatedNcmMahG', 'mAh/g', 'Li held in NCM isolated by contact loss at the end'],
  [
    'contactLossCapacityMahG',
    'mAh/g',
    'capacity lost to contact loss (lithiation window of the isolated NCM)',
  ],
  ['contactLostPct', '%', 'NCM|SE contact lost by NCM volume change, node mean at the end'],
  ['filmResistance_ohm_m2', 'Ω m²', 'mean interphase film resistance on NCM at the end'],
  [
    'seConsumedPct',
    'vol%',
    'SE lost from the Li⁺ pathways (percentage points of electrode volume)',
  ],
];

function mean(values: readonly (number | undefined)[]): number {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.reduce((a, b) => a + b, 0) / defined.length;
}

/** A metric with no value because the protocol step it measures did not run. */
export interface StepNotRun {
  readonly metric: string;
  /** Why the step did not run (its end condition held at the start, or the run ended earlier). */
  readonly endedBy: string;
}

function rateMetricId(series: string, cRate: number): string {
  return `rate.discharge_mah_g.${series}.${RATE_LABEL(cRate)}`;
}

/** The metrics of protocol steps that did not run, with the reason (never reported as 0). */
export function stepsNotRun(study: StudyResults): StepNotRun[] {
  const rate = Object.entries(study.rate).flatMap(([series, r]) =>
    r.rate
      .filter((point) => point.dischargeMahG === null)
      .map((point) => ({ metric: rateMetricId(series, point.cRate), endedBy: point.endedBy })),
  );
  const pulse = Object.entries(study.pulse).flatMap(([series, p]) =>
    PULSE_WINDOWS.filter(([, read]) => noPulseIn(read(p))).map(([window, , label]) => ({
      metric: pulseMetricId(window, series),
      endedBy: `no 1C pulse started ${label}: ${p.endedBy}`,
    })),
  );
  return [...rate, ...pulse];
}

/** The pulse-polarisation windows: metric suffix, the result's mean, and the window in words. */
const PULSE_WINDOWS: readonly (readonly [string, (p: PulseResult) => number, string])[] = [
  ['below_3v2', (p) => p.meanBelow3v2_mV, 'below 3.2 V vs Li-In'],
  ['3v4_3v7', (p) => p.mean3v4To3v7_mV, 'between 3.4 and 3.7 V vs Li-In'],
];

/** A window's mean is NaN without pulses — null once the result went through the cache (JSON). */
function noPulseIn(mean_mV: number | null): boolean {
  return mean_mV === null || Number.isNaN(mean_mV);
}

function pulseMetricId(window: string, series: string): string {
  return `pulse.polarization_mv.${window}.${series}`;
}

/**
 * Builds the metrics map; non-finite values are left out and listed in `omitted`; steps that did
 * not run give no metric (see {@link stepsNotRun}).
 */
export function buildMetrics(
  study: StudyResults,
  runtime_s: number,
): { metrics: Record<string, Metric>; omitted: string[] } {
  const metrics: Record<string, Metric> = {};
  const omitted: string[] = [];
  const put = (id: string, value: number, unit: string, description: string) => {
    if (Number.isFinite(value)) metrics[id] = { value, unit, description };
    else omitted.push(id);
  };
  for (const electrode of PAPER_ELECTRODES.filter((e) => e.id.endsWith('_sc3'))) {
    const { solidVolumeFractions } = describeComposition(
      parseCompositionInput({
        massFractions_wtPct: electrode.massFractions_wtPct,
        carbonShape: electrode.carbonShape,
        porosity: 0,
      }),
    );
    put(
      `composition.se_vol_pct.${electrode.id}`,
      100 * solidVolumeFractions.se,
      'vol%',
      `SE volume fraction (solids basis) of ${electrode.description}`,
    );
    put(
      `composition.carbon_vol_pct.${electrode.id}`,
      100 * solidVolumeFractions.carbon,
      'vol%',
      `carbon volume fraction (solids basis, apparent density) of ${electrode.description}`,
    );
  }
  for (const [series, { result }] of Object.entries(study.microstructure)) {
    const axes = study.settings.axes.join('/');
    put(
      `conductivity.ionic_s_per_m.${series}`,
      mean(Object.values(result.conductivitySPerM.ionic)),
      'S/m',
      `effective ionic conductivity, voxel solve, mean over ${axes}`,
    );
    put(
      `conductivity.electronic_s_per_m.${series}`,
      mean(Object.values(result.conductivitySPerM.electronic)),
      'S/m',
      `effective electronic conductivity (NCM lithiated), voxel solve, mean over ${axes}`,
    );
    put(
      `microstructure.carbon_in_se_domain.${series}`,
      result.carbonInSeDomainFraction,
      '1',
      'fraction of the carbon volume inside the SE domain (β), measured on the voxel structure',
    );
    put(
      `microstructure.se_percolating_fraction.${series}`,
      result.percolatingFraction.se,
      '1',
      'fraction of the SE network connected face to face',
    );
  }
  put(
    'transport.ionic_fit.exponent',
    study.ionicLaw.exponent,
    '1',
    'exponent t of σ_ion/σ_SE = ((φ_eff − φ_c)/(1 − φ_c))^t fitted to the voxel results',
  );
  put(
    'transport.ionic_fit.threshold',
    study.ionicLaw.threshold,
    '1',
    'threshold φ_c of the same fit',
  );
  for (const [series, f] of Object.entries(study.formation)) {
    put(
      `formation.charge_mah_g.${series}`,
      f.chargeMahG,
      'mAh/g',
      'first-charge capacity at 0.05C (per g NCM)',
    );
    put(
      `formation.discharge_mah_g.${series}`,
      f.dischargeMahG,
      'mAh/g',
      'first-discharge capacity at 0.05C',
    );
    put(
      `formation.irreversible_mah_g.${series}`,
      f.irreversibleMahG,
      'mAh/g',
      'first-cycle irreversible capacity (charge − discharge)',
    );
    put(
      `formation.ce_pct.${series}`,
      f.coulombicEfficiencyPct,
      '%',
      'first-cycle Coulombic efficiency',
    );
    put(
      `formation.side_reaction_mah_g.${series}`,
      f.sideReactionMahG,
      'mAh/g',
      'charge into SE oxidation during the first charge',
    );
    put(
      `formation.side_charge_below_3v2_pct.${series}`,
      100 * f.sideChargeFractionBelow3v2,
      '%',
      'share of the first-charge side-reaction charge passed below 3.2 V vs Li-In',
    );
  }
  const budgets = [
    ...Object.entries(study.formation).map(
      ([series, f]) => [`formation.${series}`, f.budget] as const,
    ),
    ...Object.entries(study.cycling).map(([series, c]) => [`cycling.${series}`, c.budget] as const),
  ];
  for (const [experiment, budget] of budgets) {
    for (const [key, unit, description] of BUDGET_ITEMS) {
      put(`budget.${key}.${experiment}`, budget[key], unit, description);
    }
  }
  for (const [series, r] of Object.entries(study.rate)) {
    for (const point of r.rate) {
      if (point.dischargeMahG === null) continue;
      put(
        rateMetricId(series, point.cRate),
        point.dischargeMahG,
        'mAh/g',
        `discharge capacity at ${point.cRate}C after a 0.1C CC-CV charge`,
      );
    }
  }
  for (const [series, c] of Object.entries(study.cycling)) {
    if (series.endsWith('_longcycle')) {
      const id = series.replace('_longcycle', '');
      put(
        `longcycle.retention_pct.${id}`,
        c.retentionPct,
        '%',
        `discharge-capacity retention after ${c.dischargeMahG.length} cycles at ${c.cRate}C, 60 °C`,
      );
      put(
        `longcycle.final_ce_pct.${id}`,
        c.finalCoulombicEfficiencyPct,
        '%',
        'Coulombic efficiency of the last cycle',
      );
    } else {
      put(
        `cycling.retention_pct.${series}`,
        c.retentionPct,
        '%',
        `discharge-capacity retention after ${c.dischargeMahG.length} cycles at ${c.cRate}C, 25 °C`,
      );
    }
  }
  for (const [series, p] of Object.entries(study.pulse)) {
    for (const [window, read, label] of PULSE_WINDOWS) {
      const value = read(p);
      if (noPulseIn(value)) continue; // no pulse in the window: listed by stepsNotRun
      put(pulseMetricId(window, series), value, 'mV', `mean 1C-pulse polarisation ${label}`);
    }
  }
  for (const [series, cv] of Object.entries(study.cv)) {
    put(
      `cv.peak_ma.${series}`,
      cv.peakCurrentMa,
      'mA',
      'peak oxidative current of the carbon–SE electrode',
    );
    put(
      `cv.peak_ma_per_m2_carbon.${series}`,
      cv.peakCurrentMaPerM2Carbon,
      'mA/m²',
      'peak current per carbon surface area',
    );
  }
  put(
    'runtime.total_s',
    runtime_s,
    's',
    'wall-clock time of this run (cached experiments included as cached)',
  );
  return { metrics, omitted };
}
