// Strict plugin options, one mechanism for every first-party plugin: each plugin's options have a
// key tree (the option names it reads, nested), and options naming anything else are refused with
// a did-you-mean before the plugin is built. The trees come from the plugins' own defaults (full
// parameter objects) or, where no defaults object exists, from key lists the compiler checks
// against the option types, so a renamed or added option breaks the typecheck, not the user.

import {
  type ArgyroditeOxidationOptions,
  DEFAULT_ARGYRODITE_OXIDATION_PARAMETERS,
} from '@solidcell/argyrodite-oxidation';
import { CARBON_FIBER_DEFAULTS, FIBER_BRIDGE_DEFAULTS } from '@solidcell/carbon-fiber';
import { CARBON_BLACK_DEFAULTS, SPHERICAL_AGGLOMERATE_DEFAULTS } from '@solidcell/carbon-spherical';
import { formatValue, invalidInput } from '@solidcell/core';
import { DEFAULT_MATERIALS_PARAMETERS } from '@solidcell/materials';
import type { GeneratorParameters } from '@solidcell/microstructure';
import { DEFAULT_NCM_PARAMETERS } from '@solidcell/ncm-charge-transfer';
import {
  DEFAULT_EFFECTIVE_MEDIUM_PARAMETERS,
  type VoxelTransportOptions,
} from '@solidcell/transport';

/** Option names, nested; `true` marks a leaf (a value the plugin checks itself). */
export interface OptionKeyTree {
  readonly [key: string]: true | OptionKeyTree;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The key tree of a full defaults object: nested plain objects are groups, the rest leaves. */
function treeOf(defaults: object): OptionKeyTree {
  return Object.fromEntries(
    Object.entries(defaults).map(([key, value]) => [
      key,
      isPlainObject(value) ? treeOf(value) : true,
    ]),
  );
}

/** Generator options shared by the voxel carbon plugins (no full defaults object exists). */
const GENERATOR_KEYS = {
  ncmD50_m: true,
  ncmSpan: true,
  seD50_m: true,
  seSpan: true,
  seMaxOverlap: true,
  threePhaseDistance_m: true,
  maxOverlap: true,
  maxGrowth: true,
  poreRadius_m: true,
  memoryLimit_bytes: true,
} as const satisfies Record<keyof GeneratorParameters, true>;

const VOXEL_TRANSPORT_KEYS = {
  relativeTolerance: true,
  conductivityTolerance: true,
  currentBalanceTolerance: true,
  maxIterations: true,
  preconditioner: true,
  smoothingSteps: true,
  onNotConverged: true,
  currentThreshold: true,
  multigrid: true,
  clock: true,
  contactResistance_ohm_m2: { se_se: true, ncm_ncm: true, carbon_carbon: true, ncm_carbon: true },
} as const satisfies Record<keyof VoxelTransportOptions, OptionKeyTree | true>;

/** The option key tree of every first-party plugin, by id. */
export const PLUGIN_OPTION_KEYS: Readonly<Record<string, OptionKeyTree>> = {
  materials: treeOf(DEFAULT_MATERIALS_PARAMETERS),
  'ncm-charge-transfer': treeOf(DEFAULT_NCM_PARAMETERS),
  'carbon-spherical': {
    material: treeOf(CARBON_BLACK_DEFAULTS),
    agglomerates: treeOf(SPHERICAL_AGGLOMERATE_DEFAULTS),
    generator: GENERATOR_KEYS,
  },
  'carbon-fiber': {
    material: treeOf(CARBON_FIBER_DEFAULTS),
    fibers: treeOf(FIBER_BRIDGE_DEFAULTS),
    generator: GENERATOR_KEYS,
  },
  'voxel-transport': VOXEL_TRANSPORT_KEYS,
  'effective-medium-transport': treeOf(DEFAULT_EFFECTIVE_MEDIUM_PARAMETERS),
  // `carbon` is a CarbonAdditive object given by code (the calibration), a leaf here.
  'argyrodite-oxidation': {
    parameters: treeOf(DEFAULT_ARGYRODITE_OXIDATION_PARAMETERS),
    carbon: true as const,
  } satisfies Record<keyof ArgyroditeOxidationOptions, unknown>,
};

/** Edit distance of two short names (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The known name closest to `name`, when it is close enough to be a typo (≤ 1/3 of its length). */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

/**
 * Refuses option names outside `tree`, at every level; groups must be objects.
 * @param path - the dotted path so far ('' at the root of the options).
 * @throws SolidCellError `E_INVALID_INPUT` naming the option, with the closest known name.
 */
export function checkOptionKeys(options: unknown, tree: OptionKeyTree, path = ''): void {
  if (!isPlainObject(options)) {
    invalidInput(path || 'options', options, 'an object of plugin options');
  }
  const known = Object.keys(tree);
  for (const [key, value] of Object.entries(options)) {
    const field = path ? `${path}.${key}` : key;
    const entry = Object.hasOwn(tree, key) ? tree[key] : undefined;
    if (entry === undefined) {
      const guess = closestName(key, known);
      invalidInput(
        field,
        value,
        `${guess === undefined ? 'a known option' : `a known option (did you mean ${formatValue(guess)}?)`}: one of ${known.map((k) => formatValue(k)).join(', ')}`,
      );
    }
    if (entry !== true && value !== undefined) checkOptionKeys(value, entry, field);
  }
}
