// TauFactor export: the per-voxel conductivity of one voxel solve (transport path + flux axis)
// as uint8 labels in C order with the flux axis first, plus a JSON header holding TauFactor's
// `cond` map, the quantisation error, SolidCell's own result and a ready-to-run Python snippet.
import { basename, dirname, join } from 'node:path';
import {
  type Axis,
  type ElectrodePhase,
  invalidInput,
  type TransportPath,
  type VoxelGrid,
} from '@solidcell/core';
import { writeFileAtomic } from '@solidcell/microstructure/node';
import {
  type LabelledVolumeFractions,
  labelConductivityTable,
  phaseVolumeFractions,
  voxelConductivity_S_per_m,
} from '@solidcell/transport';

/** What {@link tauFactorVolume} exports: one solve of SolidCell and its result. */
export interface TauFactorVolumeInput {
  readonly grid: VoxelGrid;
  readonly path: TransportPath;
  /** Flux axis of the solve; becomes the first index of the exported array. */
  readonly axis: Axis;
  /** Bulk conductivity of every phase for `path` (S/m), as given to the solve. */
  readonly phaseConductivity_S_per_m: Readonly<Record<ElectrodePhase, number>>;
  /** SolidCell's effective conductivity (S/m) and tortuosity factor for this path and axis. */
  readonly solidcell: { readonly conductivity_S_per_m: number; readonly tortuosityFactor: number };
}

/** The JSON header written beside the raw labels (`<base>.json`). */
export interface TauFactorHeader {
  readonly format: 'solidcell-taufactor';
  readonly version: 1;
  readonly path: TransportPath;
  readonly fluxAxis: Axis;
  /** SolidCell axis of each array index; index 0 is the flux axis (TauFactor's direction). */
  readonly axes: readonly [Axis, Axis, Axis];
  /** Voxels along each array index. */
  readonly shape: readonly [number, number, number];
  /** File name (same folder) of the uint8 labels, C order: the last index varies fastest. */
  readonly rawFile: string;
  readonly dtype: 'uint8';
  readonly order: 'C';
  /** Voxel edge length (m). */
  readonly voxelSize_m: number;
  /** TauFactor `cond`: label → conductivity (S/m); label 0 (absent) does not conduct. */
  readonly cond: Readonly<Record<string, number>>;
  readonly quantisation: {
    /** `exact`: one label per distinct voxel conductivity; `minimax-relative`: 255 levels. */
    readonly method: 'exact' | 'minimax-relative';
    readonly levels: number;
    /** Largest |cond[label] − σ_voxel| / σ_voxel over all conducting voxels. */
    readonly maxRelativeError: number;
  };
  /** Fraction of voxels with a non-zero label. */
  readonly conductingVolumeFraction: number;
  /** Phase volume fractions of the grid, sub-voxel carbon counted as carbon. */
  readonly volumeFractions: LabelledVolumeFractions;
  /** Σ_label VF_label · cond[label] (S/m): TauFactor's `D_mean` for this volume. */
  readonly meanConductivity_S_per_m: number;
  readonly solidcell: {
    readonly conductivity_S_per_m: number;
    /** τ = ε_m σ_m / σ_eff of the main conducting phase m; null when σ_eff = 0 (τ = ∞). */
    readonly tortuosityFactor: number | null;
    /** meanConductivity_S_per_m / σ_eff, TauFactor's τ definition; null when σ_eff = 0. */
    readonly tortuosityFactorTauFactorDefinition: number | null;
  };
  /** Python that runs TauFactor's MultiPhaseSolver on this volume (run in this folder). */
  readonly python: readonly string[];
}

/** Most conducting labels a uint8 volume holds (label 0 is the non-conducting one). */
const MAX_LEVELS = 255;

/** Array index order per flux axis (lateral axes ascending), as in the voxel solver. */
const AXIS_ORDER: Readonly<Record<Axis, readonly [0 | 1 | 2, 0 | 1 | 2, 0 | 1 | 2]>> = {
  x: [0, 1, 2],
  y: [1, 0, 2],
  z: [2, 0, 1],
};
const AXIS_NAMES = ['x', 'y', 'z'] as const;

/** Conductivity of every voxel as the solve sees it (S/m), SolidCell order (x fastest). */
function voxelConductivities_S_per_m(
  grid: VoxelGrid,
  phaseConductivity_S_per_m: Readonly<Record<ElectrodePhase, number>>,
): Float64Array {
  const table = labelConductivityTable(phaseConductivity_S_per_m);
  const conductivity_S_per_m = new Float64Array(grid.labels.length);
  for (let index = 0; index < grid.labels.length; index++) {
    conductivity_S_per_m[index] = voxelConductivity_S_per_m(grid, table, index);
  }
  return conductivity_S_per_m;
}

/** Number of intervals of log-width `width` a greedy left-to-right cover of `logs` needs. */
function coverCount(logs: Float64Array, width: number): number {
  let count = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const value of logs) {
    if (value > end) {
      count++;
      end = value + width;
    }
  }
  return count;
}

/**
 * Conductivity levels for sorted distinct positive conductivities: one per value when they fit
 * in 255 labels, else 255 groups of the smallest possible width in log σ (this minimises the
 * largest relative error), each represented by 2ab/(a+b) of its extremes a ≤ b.
 *
 * @returns the level (0-based) of each distinct value and the level conductivities (S/m).
 */
function conductivityLevels(distinct_S_per_m: Float64Array): {
  readonly levelOf: Uint8Array;
  readonly level_S_per_m: number[];
} {
  const n = distinct_S_per_m.length;
  if (n <= MAX_LEVELS) {
    return {
      levelOf: Uint8Array.from({ length: n }, (_, i) => i),
      level_S_per_m: [...distinct_S_per_m],
    };
  }
  const logs = distinct_S_per_m.map(Math.log);
  // Width range/255 always fits (each interval starts beyond the previous one's end); bisect down.
  let fits = (logs[n - 1]! - logs[0]!) / MAX_LEVELS;
  let fails = 0;
  for (let step = 0; step < 100 && fits - fails > 1e-15 * fits; step++) {
    const mid = 0.5 * (fits + fails);
    if (coverCount(logs, mid) <= MAX_LEVELS) fits = mid;
    else fails = mid;
  }
  const levelOf = new Uint8Array(n);
  const level_S_per_m: number[] = [];
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && logs[end + 1]! <= logs[start]! + fits) end++;
    const a = distinct_S_per_m[start]!;
    const b = distinct_S_per_m[end]!;
    levelOf.fill(level_S_per_m.length, start, end + 1);
    level_S_per_m.push((2 * a * b) / (a + b));
    start = end + 1;
  }
  return { levelOf, level_S_per_m };
}

/** Checks what the voxel loop does not: path, axis, grid sizes and SolidCell's result. */
function validate(input: TauFactorVolumeInput): void {
  if (input.path !== 'ionic' && input.path !== 'electronic') {
    invalidInput('path', input.path, '"ionic" or "electronic"');
  }
  if (!AXIS_NAMES.includes(input.axis)) invalidInput('axis', input.axis, '"x", "y" or "z"');
  const { shape, labels, carbonFraction, voxelSize_m } = input.grid;
  shape.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 1) {
      invalidInput(`grid.shape[${i}]`, n, 'an integer ≥ 1 (a non-empty grid)');
    }
  });
  const voxels = shape[0] * shape[1] * shape[2];
  if (labels.length !== voxels) invalidInput('grid.labels.length', labels.length, `${voxels}`);
  if (carbonFraction !== undefined && carbonFraction.length !== voxels) {
    invalidInput('grid.carbonFraction.length', carbonFraction.length, `${voxels}`);
  }
  if (!(voxelSize_m > 0 && Number.isFinite(voxelSize_m))) {
    invalidInput('grid.voxelSize_m', voxelSize_m, 'a finite length > 0 m');
  }
  const { conductivity_S_per_m, tortuosityFactor } = input.solidcell;
  if (!(conductivity_S_per_m >= 0 && Number.isFinite(conductivity_S_per_m))) {
    invalidInput('solidcell.conductivity_S_per_m', conductivity_S_per_m, 'a finite value ≥ 0 S/m');
  }
  if (!(tortuosityFactor > 0)) {
    invalidInput('solidcell.tortuosityFactor', tortuosityFactor, 'a value > 0 (+∞ allowed)');
  }
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

function pythonSnippet(headerFile: string): string[] {
  return [
    'import json',
    'import numpy as np',
    'import taufactor as tau',
    '',
    `with open("${headerFile}") as f:`,
    '    header = json.load(f)',
    'img = np.fromfile(header["rawFile"], dtype=np.uint8).reshape(header["shape"])',
    'cond = {int(label): sigma for label, sigma in header["cond"].items()}',
    's = tau.MultiPhaseSolver(img, cond=cond)',
    's.solve(iter_limit=100000, conv_crit=1e-3)',
    'sc = header["solidcell"]',
    'print("D_eff", float(np.ravel(s.D_eff)[0]), "S/m; SolidCell", sc["conductivity_S_per_m"], "S/m")',
    'print("tau", float(np.ravel(s.tau)[0]), "; SolidCell, same definition", sc["tortuosityFactorTauFactorDefinition"])',
  ];
}

/**
 * The TauFactor volume of one solve: uint8 labels with the flux axis as the first index in C
 * order (a voxel at (x, y, z) of an x solve is byte z + nz (y + ny x)) and its header.
 *
 * @param baseName - file name without extension; the header names `<baseName>.raw`.
 * @throws SolidCellError `E_INVALID_INPUT` naming the field for an unknown path or axis, an
 *   empty or inconsistent grid, an unknown label, a carbon fraction outside 0–1, a bad phase
 *   conductivity or a bad SolidCell result.
 */
export function tauFactorVolume(
  baseName: string,
  input: TauFactorVolumeInput,
): { readonly labels: Uint8Array; readonly header: TauFactorHeader } {
  validate(input);
  const { grid, axis } = input;
  const conductivity_S_per_m = voxelConductivities_S_per_m(grid, input.phaseConductivity_S_per_m);
  const distinct_S_per_m = Float64Array.from(new Set(conductivity_S_per_m))
    .filter((sigma) => sigma > 0)
    .sort();
  const { levelOf, level_S_per_m } = conductivityLevels(distinct_S_per_m);
  const labelOf = new Map<number, number>();
  let maxRelativeError = 0;
  distinct_S_per_m.forEach((sigma, i) => {
    const level = levelOf[i]!;
    labelOf.set(sigma, level + 1);
    maxRelativeError = Math.max(maxRelativeError, Math.abs(level_S_per_m[level]! - sigma) / sigma);
  });

  const order = AXIS_ORDER[axis];
  const [gnx, gny] = grid.shape;
  const gridStride = [1, gnx, gnx * gny] as const;
  const [n0, n1, n2] = order.map((a) => grid.shape[a]!) as [number, number, number];
  const [s0, s1, s2] = order.map((a) => gridStride[a]) as [number, number, number];
  const labels = new Uint8Array(conductivity_S_per_m.length);
  const labelCount = new Float64Array(level_S_per_m.length + 1);
  let out = 0;
  for (let i = 0; i < n0; i++) {
    for (let j = 0; j < n1; j++) {
      for (let k = 0; k < n2; k++) {
        const label = labelOf.get(conductivity_S_per_m[s0 * i + s1 * j + s2 * k]!) ?? 0;
        labels[out++] = label;
        labelCount[label] = labelCount[label]! + 1;
      }
    }
  }

  const voxels = labels.length;
  let meanConductivity_S_per_m = 0;
  const cond: Record<string, number> = {};
  level_S_per_m.forEach((sigma, level) => {
    cond[String(level + 1)] = sigma;
    meanConductivity_S_per_m += (labelCount[level + 1]! / voxels) * sigma;
  });
  const sigmaEff_S_per_m = input.solidcell.conductivity_S_per_m;
  const header: TauFactorHeader = {
    format: 'solidcell-taufactor',
    version: 1,
    path: input.path,
    fluxAxis: axis,
    axes: [AXIS_NAMES[order[0]], AXIS_NAMES[order[1]], AXIS_NAMES[order[2]]],
    shape: [n0, n1, n2],
    rawFile: `${baseName}.raw`,
    dtype: 'uint8',
    order: 'C',
    voxelSize_m: grid.voxelSize_m,
    cond,
    quantisation: {
      method: distinct_S_per_m.length <= MAX_LEVELS ? 'exact' : 'minimax-relative',
      levels: level_S_per_m.length,
      maxRelativeError,
    },
    conductingVolumeFraction: (voxels - labelCount[0]!) / voxels,
    volumeFractions: phaseVolumeFractions(grid),
    meanConductivity_S_per_m,
    solidcell: {
      conductivity_S_per_m: sigmaEff_S_per_m,
      tortuosityFactor: finiteOrNull(input.solidcell.tortuosityFactor),
      tortuosityFactorTauFactorDefinition: finiteOrNull(
        meanConductivity_S_per_m / sigmaEff_S_per_m,
      ),
    },
    python: pythonSnippet(`${baseName}.json`),
  };
  return { labels, header };
}

/**
 * Writes `<basePath>.raw` (uint8 labels) and `<basePath>.json` (header), each atomically; see
 * {@link tauFactorVolume} and docs/guides/taufactor.md.
 *
 * @returns the path of the JSON header.
 */
export function writeTauFactorVolume(basePath: string, input: TauFactorVolumeInput): string {
  const { labels, header } = tauFactorVolume(basename(basePath), input);
  writeFileAtomic(join(dirname(basePath), header.rawFile), labels);
  const headerPath = `${basePath}.json`;
  writeFileAtomic(headerPath, `${JSON.stringify(header, null, 2)}\n`);
  return headerPath;
}
