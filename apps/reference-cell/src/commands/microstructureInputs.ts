// Every input of `solidcell microstructure`: one table of flags / config keys with units, bounds
// wide enough for published values (see packages/microstructure/README.md), the `--config` file
// reader, and the check that the box is a representative volume.
import { readFileSync } from 'node:fs';
import {
  describeBounds,
  invalidInput,
  massFractionsFromVolumeFractions,
  type NumberBounds,
  referenceDensities,
} from '@solidcell/core';
import { MAX_GRID_VOXELS_PER_EDGE, MICROSTRUCTURE_DEFAULTS } from '@solidcell/microstructure';
import { CONTACT_RESISTANCE_DEFAULTS } from '@solidcell/transport';

/** One numeric input: config key (camelCase of the flag), flag, bounds and help. */
interface InputSpec {
  readonly key: string;
  readonly flag: string;
  readonly bounds: NumberBounds;
  readonly help: string;
  readonly defaultValue?: number;
}

const R = CONTACT_RESISTANCE_DEFAULTS;
const D = MICROSTRUCTURE_DEFAULTS;
const contact = (key: keyof typeof R, flag: string, what: string): InputSpec => ({
  key,
  flag,
  bounds: { min: 0, max: 1, unit: 'Ω m²' },
  help: `${what} contact resistance at 25 °C, Ω m² (default ${R[key].at25C_ohm_m2}; range ${R[key].range_ohm_m2.join('–')})`,
});

/** All numeric inputs, in `--help` order. */
export const MICROSTRUCTURE_INPUTS: readonly InputSpec[] = [
  {
    key: 'ncm',
    flag: '--ncm',
    bounds: { min: 0, max: 100, unit: '%' },
    help: 'NCM811 share (wt%, or vol% of solids with --basis vol)',
  },
  {
    key: 'se',
    flag: '--se',
    bounds: { min: 0, max: 100, unit: '%' },
    help: 'Li6PS5Cl share (wt% or vol%)',
  },
  {
    key: 'carbon',
    flag: '--carbon',
    bounds: { min: 0, max: 100, unit: '%' },
    help: 'carbon share (wt% or vol%)',
  },
  {
    key: 'porosity',
    flag: '--porosity',
    bounds: { min: 0, max: 0.9, unit: '', maxExclusive: true },
    help: 'residual pore volume fraction',
    defaultValue: 0,
  },
  {
    key: 'voxels',
    flag: '--voxels',
    bounds: { min: 16, max: MAX_GRID_VOXELS_PER_EDGE, unit: 'voxels per edge', integer: true },
    help: 'voxels per edge of the cubic box',
    defaultValue: 128,
  },
  {
    key: 'voxelSizeUm',
    flag: '--voxel-size-um',
    bounds: { min: 0.01, max: 5, unit: 'µm' },
    help: 'voxel edge length in µm',
    defaultValue: 0.4,
  },
  {
    key: 'ncmD50Um',
    flag: '--ncm-d50-um',
    bounds: { min: 0.5, max: 50, unit: 'µm' },
    help: 'NCM median diameter, µm (published 3–20)',
    defaultValue: D.ncmD50_m * 1e6,
  },
  {
    key: 'ncmSpan',
    flag: '--ncm-span',
    bounds: { min: 0, max: 5, unit: '' },
    help: 'NCM span (D90 − D10)/D50',
    defaultValue: D.ncmSpan,
  },
  {
    key: 'seD50Um',
    flag: '--se-d50-um',
    bounds: { min: 0.1, max: 50, unit: 'µm' },
    help: 'SE median particle diameter before pressing, µm (published 1–10)',
    defaultValue: D.seD50_m * 1e6,
  },
  {
    key: 'seSpan',
    flag: '--se-span',
    bounds: { min: 0, max: 5, unit: '' },
    help: 'SE span (D90 − D10)/D50',
    defaultValue: D.seSpan,
  },
  {
    key: 'agglomerateD50Um',
    flag: '--agglomerate-d50-um',
    bounds: { min: 0.01, max: 20, unit: 'µm' },
    help: 'SC agglomerate median diameter, µm (default 0.5: aggregates 0.1–0.5 µm, parameters.md §3)',
  },
  {
    key: 'fibreDiameterNm',
    flag: '--fibre-diameter-nm',
    bounds: { min: 10, max: 2000, unit: 'nm' },
    help: 'CF diameter, nm (default 150, VGCF; range 100–200)',
  },
  {
    key: 'fibreLengthUm',
    flag: '--fibre-length-um',
    bounds: { min: 0.5, max: 100, unit: 'µm' },
    help: 'CF length, µm (default 6, VGCF-H; range 3–15)',
  },
  {
    key: 'sigmaSeSPerM',
    flag: '--sigma-se-s-per-m',
    bounds: { min: 1e-6, max: 10, unit: 'S/m' },
    help: 'SE ionic conductivity at 25 °C, S/m (default: Material plugin, 0.2; published up to ≈ 2)',
  },
  {
    key: 'sigmaNcmSPerM',
    flag: '--sigma-ncm-s-per-m',
    bounds: { min: 1e-9, max: 100, unit: 'S/m' },
    help: 'NCM electronic conductivity, S/m (default: Material plugin at lithiation 1; pellets up to ≈ 1)',
  },
  {
    key: 'sigmaCarbonSPerM',
    flag: '--sigma-carbon-s-per-m',
    bounds: { min: 1, max: 1e7, unit: 'S/m' },
    help: 'carbon powder-compact conductivity, S/m (default: Material plugin, SC 500, CF 8000)',
  },
  contact('se_se', '--r-gb-ohm-m2', 'SE grain-boundary'),
  contact('ncm_ncm', '--r-ncm-ncm-ohm-m2', 'NCM–NCM'),
  contact('carbon_carbon', '--r-carbon-carbon-ohm-m2', 'carbon–carbon'),
  contact('ncm_carbon', '--r-ncm-carbon-ohm-m2', 'NCM–carbon'),
  {
    key: 'seed',
    flag: '--seed',
    bounds: { min: 0, max: 4294967295, unit: '', integer: true },
    help: 'seed of every stochastic step',
    defaultValue: 1,
  },
  {
    key: 'seeds',
    flag: '--seeds',
    bounds: { min: 1, max: 50, unit: 'seeds', integer: true },
    help: 'solve seeds seed … seed + N − 1 and report mean ± sd',
    defaultValue: 1,
  },
  {
    key: 'temperatureC',
    flag: '--temperature-c',
    bounds: { min: -40, max: 150, unit: '°C' },
    help: 'temperature for the bulk and contact conductivities',
    defaultValue: 25,
  },
];

/** Resolved numeric inputs by key. */
export type MicrostructureInputValues = Readonly<Record<string, number | undefined>>;

/** Reads a `--config` JSON file: an object whose keys are the config keys above (plus `carbonType`, `basis`). */
export function readMicrostructureConfig(path: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return invalidInput('--config', path, `a readable JSON file (${(error as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return invalidInput('--config', path, 'a JSON object of microstructure inputs');
  }
  const known = new Set([...MICROSTRUCTURE_INPUTS.map((i) => i.key), 'carbonType', 'basis']);
  for (const key of Object.keys(json)) {
    if (!known.has(key)) invalidInput(`config.${key}`, key, `one of ${[...known].join(', ')}`);
  }
  return json as Record<string, unknown>;
}

/** Checks one value against its spec (flag text or config number), naming the field. */
function checked(spec: InputSpec, raw: unknown, field: string): number {
  const value = typeof raw === 'string' ? Number(raw.trim() === '' ? Number.NaN : raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value))
    invalidInput(field, raw, describeBounds(spec.bounds));
  const b = spec.bounds;
  const low = b.minExclusive ? value <= b.min : value < b.min;
  const high = b.maxExclusive ? value >= b.max : value > b.max;
  if (low || high || (b.integer && !Number.isInteger(value)))
    invalidInput(field, raw, describeBounds(b));
  return value;
}

/** Merges config and flags (flags win), validates every value and fills defaults. */
export function resolveMicrostructureInputs(
  config: Readonly<Record<string, unknown>>,
  flags: Readonly<Record<string, unknown>>,
): MicrostructureInputValues {
  const out: Record<string, number | undefined> = {};
  for (const spec of MICROSTRUCTURE_INPUTS) {
    if (flags[spec.key] !== undefined) out[spec.key] = checked(spec, flags[spec.key], spec.flag);
    else if (config[spec.key] !== undefined)
      out[spec.key] = checked(spec, config[spec.key], `config.${spec.key}`);
    else out[spec.key] = spec.defaultValue;
  }
  for (const key of ['ncm', 'se', 'carbon']) {
    if (out[key] === undefined)
      invalidInput(`--${key}`, undefined, 'a share in % (flag or config)');
  }
  return out;
}

/** wt% from the three shares in the given basis (`wt` or `vol` of solids). */
export function massFractionsFor(
  values: MicrostructureInputValues,
  basis: string,
  carbonShape: 'spherical' | 'fiber',
): { ncm: number; se: number; carbon: number } {
  const ncm = values.ncm!;
  const se = values.se!;
  const carbon = values.carbon!;
  if (basis === 'wt') return { ncm, se, carbon };
  if (basis !== 'vol') invalidInput('--basis', basis, '"wt" or "vol"');
  const sum = ncm + se + carbon;
  if (Math.abs(sum - 100) > 1e-6)
    invalidInput('--ncm + --se + --carbon', sum, 'vol% that sum to 100');
  const w = massFractionsFromVolumeFractions(
    { ncm: ncm / 100, se: se / 100, carbon: carbon / 100, binder: 0 },
    referenceDensities(carbonShape),
  );
  return { ncm: w.ncm, se: w.se, carbon: w.carbon };
}

/** Fewest NCM median diameters per box edge for a representative volume. */
export const MIN_NCM_DIAMETERS_PER_EDGE = 5;

/** A warning when the box holds fewer than {@link MIN_NCM_DIAMETERS_PER_EDGE} NCM diameters per edge. */
export function representativeVolumeWarning(values: MicrostructureInputValues): string | undefined {
  const edge_um = values.voxels! * values.voxelSizeUm!;
  const perEdge = edge_um / values.ncmD50Um!;
  if (perEdge >= MIN_NCM_DIAMETERS_PER_EDGE) return undefined;
  return `warning: the ${edge_um.toFixed(1)} µm box holds ${perEdge.toFixed(1)} NCM diameters (D50 ${values.ncmD50Um} µm) per edge, fewer than ${MIN_NCM_DIAMETERS_PER_EDGE}: not a representative volume; raise --voxels or --voxel-size-um`;
}
