// CSV and JSON export of simulation results as pure functions returning strings (no I/O).
import type { SimulationResult, TimeSeries } from './SimulationResult.js';

const COLUMNS: readonly (keyof TimeSeries)[] = [
  'time_s',
  'voltageVsLiIn_V',
  'currentDensity_A_per_m2',
  'charge_C_per_m2',
  'sideReactionCharge_C_per_m2',
  'filmResistance_ohm_m2',
  'seVolumeFraction',
  'meanLithiation',
  'stepIndex',
  'cycleIndex',
];

/**
 * The time series as CSV (header row with units in the column names, one row per sample,
 * full double precision, `\n` line ends). Voltages are vs Li-In; a leading comment line states
 * the Li-In potential vs Li/Li⁺ and the C-rate basis.
 */
export function toCsv(result: SimulationResult): string {
  const ts = result.timeSeries;
  const lines: string[] = [
    `# voltage vs Li-In; V_vs_Li = V_vs_LiIn + ${result.cell.counterElectrodePotentialVsLi_V} V; 1C = ${result.cell.oneCCurrentDensity_A_per_m2} A/m2 (${result.cell.referenceSpecificCapacity_C_per_kg / 3600} mAh/g x NCM loading)`,
    COLUMNS.join(','),
  ];
  const n = ts.time_s.length;
  for (let i = 0; i < n; i++) {
    lines.push(COLUMNS.map((c) => String(ts[c][i])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Per-cycle summaries as CSV (one row per cycle). */
export function cyclesToCsv(result: SimulationResult): string {
  const first = result.cycles[0];
  if (first === undefined) return '';
  const keys = Object.keys(first) as (keyof typeof first)[];
  const rows = result.cycles.map((c) => keys.map((k) => String(c[k] ?? '')).join(','));
  return `${[keys.join(','), ...rows].join('\n')}\n`;
}

/** The whole result (time series, cycles, steps, cell facts, solver summary) as JSON. */
export function toJson(result: SimulationResult, space?: number): string {
  const { finalState, ...rest } = result;
  return JSON.stringify({ ...rest, finalState: Array.from(finalState) }, null, space);
}
