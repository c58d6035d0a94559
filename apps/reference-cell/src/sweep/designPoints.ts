// Expands a validated design into its points, one at a time: grid axes as a full factorial,
// sampled ranges by Latin hypercube or Sobol, the balance mass fraction, and for each point the
// fully resolved cell configuration and the hash that keys it in the results database.
import { invalidInput, isSolidCellError } from '@solidcell/core';
import type { CellConfig, CellConfigInput } from '../config/cellConfigSchema.js';
import { parseCellConfig } from '../config/loadCellConfig.js';
import { canonicalJson, sha256 } from '../io/canonicalJson.js';
import { SOLIDCELL_VERSION } from '../version.js';
import {
  applyComposition,
  balanceColumn,
  type CompositionBasis,
  compositionBasis,
  isCompositionPath,
  VOLUME_AXIS_PREFIX,
} from './compositionAxes.js';
import type { SweepAxis, SweepDesign } from './designSchema.js';
import type { LoadedDesign } from './loadDesign.js';
import { latinHypercubeSample, sobolSample } from './sampleDesign.js';

/** A value an axis sets. */
export type AxisValue = number | string | boolean;

/** What a worker needs to run one point (JSON: it crosses threads and Redis). */
export interface SweepTask {
  readonly key: string;
  readonly config: CellConfig;
  readonly experiments: SweepDesign['experiments'];
  readonly fidelity: SweepDesign['fidelity'];
  readonly resolution: SweepDesign['resolution'];
}

/** One point of a sweep: its axis values and either a task or why it cannot run. */
export interface SweepPoint {
  readonly index: number;
  readonly key: string;
  /** Axis path → value, plus the balance mass fraction. */
  readonly inputs: Readonly<Record<string, AxisValue>>;
  readonly task?: SweepTask;
  readonly error?: string;
}

/** The points of a design, generated lazily. */
export interface DesignPlan {
  readonly count: number;
  /** Column names of the inputs, in order. */
  readonly inputColumns: readonly string[];
  points(): Generator<SweepPoint>;
}

/**
 * Voxels per edge of a `voxel`-fidelity point's electrode unless an axis sets the grid: the base
 * configuration's domain edge (e.g. 100 × 0.5 µm = 50 µm → 1.5625 µm voxels) on 32³ voxels. Measured on the NCM90
 * SC cell: σ_ion 3.04·10⁻³ S/m at 32³ × 0.75 µm vs 3.10·10⁻³ at 48³ × 0.5 µm (2 %), 0.9 s a
 * point; a 32³ × 0.25 µm (8 µm) cube is below the size at which the SE percolates (σ_ion = 0).
 */
export const VOXEL_SWEEP_GRID = 32;

/** `a.b[0].c` → ['a', 'b', '0', 'c']. */
function pathKeys(path: string): string[] {
  return path.replace(/\[(\d+)\]/g, '.$1').split('.');
}

function hasPath(root: unknown, keys: readonly string[]): boolean {
  let node = root;
  for (const key of keys) {
    if (node === null || typeof node !== 'object' || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

function setPath(root: Record<string, unknown>, keys: readonly string[], value: AxisValue): void {
  let node = root;
  for (const key of keys.slice(0, -1)) {
    const child = node[key];
    if (child === null || typeof child !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

const tidy = (value: number): number => Number(value.toPrecision(12));

function gridValues(axis: SweepAxis): AxisValue[] | undefined {
  if (axis.values !== undefined) return axis.values;
  const { from, to, steps } = axis.range!;
  if (steps === undefined) return undefined;
  if (steps === 1) return [from];
  return Array.from({ length: steps }, (_, k) => tidy(from + ((to - from) * k) / (steps - 1)));
}

/**
 * An axis that swaps a plugin (`plugins.carbon.id`, `plugins.sideReactions[0].id`) for another
 * drops the base's `options` of the replaced plugin: they belong to it (another plugin refuses
 * them). Axes on the new plugin's options are applied afterwards.
 */
function dropOptionsOfReplacedPlugin(
  input: Record<string, unknown>,
  path: string,
  value: AxisValue,
) {
  const keys = pathKeys(path);
  if (keys[0] !== 'plugins' || keys.at(-1) !== 'id') return;
  let plugin: unknown = input;
  for (const key of keys.slice(0, -1))
    plugin = (plugin as Record<string, unknown> | undefined)?.[key];
  if (plugin !== null && typeof plugin === 'object' && (plugin as { id?: unknown }).id !== value) {
    delete (plugin as { options?: unknown }).options;
  }
}

/** The hash that keys a point: SolidCell version and everything that determines its result. */
export function pointKey(resolved: Omit<SweepTask, 'key'>): string {
  const { id: _id, description: _description, protocol: _protocol, ...cell } = resolved.config;
  return sha256(
    canonicalJson({
      solidcell: SOLIDCELL_VERSION,
      cell,
      experiments: resolved.experiments,
      fidelity: resolved.fidelity,
      resolution: resolved.resolution,
    }),
  );
}

/** Checks axis paths against the base config; returns each axis's grid values (or undefined). */
function checkAxes(
  design: SweepDesign,
  base: CellConfig,
  basis: CompositionBasis,
): (AxisValue[] | undefined)[] {
  const seen = new Set<string>();
  const balancePath = balanceColumn(basis, design.balance);
  return design.axes.map((axis, i) => {
    if (seen.has(axis.path))
      invalidInput(`axes.${i}.path`, axis.path, 'a path no other axis varies');
    seen.add(axis.path);
    if (axis.path === balancePath) {
      invalidInput(
        `axes.${i}.path`,
        axis.path,
        `not the balance (${balancePath} = 100 − the others)`,
      );
    }
    if (!isCompositionPath(axis.path) && !hasPath(base, pathKeys(axis.path))) {
      invalidInput(`axes.${i}.path`, axis.path, 'a field of the base cell configuration');
    }
    if (isCompositionPath(axis.path) && axis.values?.some((v) => typeof v !== 'number')) {
      invalidInput(`axes.${i}.values`, axis.values, 'numbers (a composition in %)');
    }
    const values = gridValues(axis);
    if (values === undefined && design.sample === undefined) {
      invalidInput(`axes.${i}.range.steps`, undefined, 'a number of grid points, or a "sample"');
    }
    return values;
  });
}

/**
 * The plan of a design: point count, input columns and a generator of points.
 * @throws SolidCellError `E_INVALID_INPUT` for an axis path that is not in the base config, a
 * duplicated axis, an axis on the balance fraction, or a range with neither steps nor a sample.
 */
export function planDesign({ design, base }: LoadedDesign): DesignPlan {
  const validatedBase = parseCellConfig(base);
  const mixed = design.axes.findIndex((axis) => axis.path.startsWith(VOLUME_AXIS_PREFIX));
  const basis =
    compositionBasis(design.axes.map((axis) => axis.path)) ??
    invalidInput(`axes.${mixed}.path`, design.axes[mixed]!.path, 'wt% or vol% axes, not both');
  const grids = checkAxes(design, validatedBase, basis);
  const sampledAxes = grids.flatMap((values, i) => (values === undefined ? [i] : []));
  const sample = design.sample;
  if (sample !== undefined && sampledAxes.length === 0) {
    invalidInput('sample', sample.method, 'range axes without "steps" to sample');
  }
  const unitSample =
    sample === undefined
      ? [[]]
      : sample.method === 'sobol'
        ? sobolSample(sample.points, sampledAxes.length, sample.seed)
        : latinHypercubeSample(sample.points, sampledAxes.length, sample.seed);
  const gridSizes = grids.map((values) => values?.length ?? 1);
  const gridCount = gridSizes.reduce((product, size) => product * size, 1);
  const inputColumns = [
    ...design.axes.map((axis) => axis.path),
    balanceColumn(basis, design.balance),
  ];

  const coarsenVoxelGrid =
    design.fidelity === 'voxel' &&
    !design.axes.some((axis) => axis.path.startsWith('microstructure.voxel'));

  function pointAt(index: number): SweepPoint {
    let rest = Math.floor(index / unitSample.length);
    const unit = unitSample[index % unitSample.length]!;
    const input = structuredClone(base) as Record<string, unknown>;
    const inputs: Record<string, AxisValue> = {};
    const composition: Record<string, number> = {};
    const values = design.axes.map((axis, i) => {
      const grid = grids[i];
      if (grid === undefined) {
        const { from, to } = axis.range!;
        return tidy(from + (to - from) * unit[sampledAxes.indexOf(i)]!);
      }
      const value = grid[rest % grid.length]!;
      rest = Math.floor(rest / grid.length);
      return value;
    });
    for (const [i, axis] of design.axes.entries()) {
      dropOptionsOfReplacedPlugin(input, axis.path, values[i]!);
    }
    design.axes.forEach((axis, i) => {
      const value = values[i]!;
      inputs[axis.path] = value;
      if (isCompositionPath(axis.path)) composition[axis.path.split('.')[1]!] = value as number;
      else setPath(input, pathKeys(axis.path), value);
    });
    const { balance, error: balanceError } = applyComposition(
      input,
      composition,
      basis,
      design.balance,
    );
    inputs[balanceColumn(basis, design.balance)] = balance;
    const microstructure = input.microstructure as Record<string, unknown>;
    microstructure.descriptors = design.fidelity === 'voxel' ? 'voxel' : 'estimated';
    if (coarsenVoxelGrid) {
      // The base's domain edge on a coarser grid (see VOXEL_SWEEP_GRID).
      const { voxels, voxelSize_um } = validatedBase.microstructure;
      microstructure.voxels = VOXEL_SWEEP_GRID;
      microstructure.voxelSize_um = tidy((voxels * voxelSize_um) / VOXEL_SWEEP_GRID);
    }
    const resolved = {
      experiments: design.experiments,
      fidelity: design.fidelity,
      resolution: design.resolution,
    };
    let config: CellConfig;
    try {
      if (balanceError !== undefined) throw new Error(balanceError);
      config = parseCellConfig(input as CellConfigInput);
    } catch (error) {
      if (!isSolidCellError(error) && balanceError === undefined) throw error;
      const message = (error as Error).message;
      const key = sha256(canonicalJson({ solidcell: SOLIDCELL_VERSION, input, ...resolved }));
      return { index, key, inputs, error: message };
    }
    const key = pointKey({ config, ...resolved });
    return { index, key, inputs, task: { key, config, ...resolved } };
  }

  return {
    count: gridCount * unitSample.length,
    inputColumns,
    *points() {
      for (let index = 0; index < gridCount * unitSample.length; index++) yield pointAt(index);
    },
  };
}
