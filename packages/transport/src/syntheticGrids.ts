// Small deterministic synthetic voxel structures for verification and benchmarks: laminates,
// explicit spheres, and seeded random overlapping-sphere composites (not a morphology generator).
import { type Axis, createRandom, invalidInput, PhaseLabel, type VoxelGrid } from '@solidcell/core';

/** A sphere in voxel coordinates (centre in voxel units, voxel centres at integer + 0.5). */
export interface VoxelSphere {
  readonly center: readonly [number, number, number];
  /** Radius in voxel edge lengths. */
  readonly radius: number;
}

function assertShape(shape: readonly [number, number, number]): void {
  for (const [i, n] of shape.entries()) {
    if (!Number.isInteger(n) || n < 1 || n > 1024)
      invalidInput(`shape[${i}]`, n, 'an integer 1–1024');
  }
}

/**
 * A laminate: the label of every voxel is `layers[c]`, c = its coordinate along `normal`.
 *
 * @param layers - one label per voxel layer (length = shape along `normal`).
 */
export function createLayeredGrid(
  shape: readonly [number, number, number],
  normal: Axis,
  layers: readonly PhaseLabel[],
  voxelSize_m = 1e-6,
): VoxelGrid {
  assertShape(shape);
  const axisIndex = normal === 'x' ? 0 : normal === 'y' ? 1 : 2;
  if (layers.length !== shape[axisIndex]) {
    invalidInput(
      'layers.length',
      layers.length,
      `the grid size along ${normal}, ${shape[axisIndex]}`,
    );
  }
  const [nx, ny, nz] = shape;
  const labels = new Uint8Array(nx * ny * nz);
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        const c = axisIndex === 0 ? x : axisIndex === 1 ? y : z;
        labels[x + nx * (y + ny * z)] = layers[c]!;
      }
    }
  }
  return { shape: [nx, ny, nz], voxelSize_m, labels, periodic: false };
}

/**
 * Paints spheres of `label` into `labels` (voxels whose centre lies inside); returns how many
 * voxels changed to `label`. `protect` labels are never overwritten.
 */
export function paintSpheres(
  shape: readonly [number, number, number],
  labels: Uint8Array,
  spheres: readonly VoxelSphere[],
  label: PhaseLabel,
  protect: readonly PhaseLabel[] = [],
): number {
  const [nx, ny, nz] = shape;
  let changed = 0;
  for (const { center, radius } of spheres) {
    const [cx, cy, cz] = center;
    const r2 = radius * radius;
    const z0 = Math.max(0, Math.floor(cz - radius));
    const z1 = Math.min(nz - 1, Math.ceil(cz + radius));
    const y0 = Math.max(0, Math.floor(cy - radius));
    const y1 = Math.min(ny - 1, Math.ceil(cy + radius));
    const x0 = Math.max(0, Math.floor(cx - radius));
    const x1 = Math.min(nx - 1, Math.ceil(cx + radius));
    for (let z = z0; z <= z1; z++) {
      const dz = z + 0.5 - cz;
      for (let y = y0; y <= y1; y++) {
        const dy = y + 0.5 - cy;
        for (let x = x0; x <= x1; x++) {
          const dx = x + 0.5 - cx;
          if (dx * dx + dy * dy + dz * dz > r2) continue;
          const index = x + nx * (y + ny * z);
          const current = labels[index]!;
          if (current === label || protect.includes(current as PhaseLabel)) continue;
          labels[index] = label;
          changed++;
        }
      }
    }
  }
  return changed;
}

/** A grid of `matrix` with the given spheres of `inclusion`. */
export function createSphereGrid(
  shape: readonly [number, number, number],
  matrix: PhaseLabel,
  inclusion: PhaseLabel,
  spheres: readonly VoxelSphere[],
  voxelSize_m = 1e-6,
): VoxelGrid {
  assertShape(shape);
  const labels = new Uint8Array(shape[0] * shape[1] * shape[2]).fill(matrix);
  paintSpheres(shape, labels, spheres, inclusion);
  return { shape: [shape[0], shape[1], shape[2]], voxelSize_m, labels, periodic: false };
}

/** Options of {@link createRandomSpheresGrid}. */
export interface RandomSpheresOptions {
  readonly shape: readonly [number, number, number];
  readonly seed: number;
  readonly matrix: PhaseLabel;
  readonly inclusion: PhaseLabel;
  /** Target inclusion volume fraction, reached by adding overlapping spheres (0–0.95). */
  readonly volumeFraction: number;
  /** Sphere radius in voxels. */
  readonly radius: number;
  readonly voxelSize_m?: number;
}

/** Overlapping random spheres of `inclusion` in `matrix` until `volumeFraction` is reached. */
export function createRandomSpheresGrid(options: RandomSpheresOptions): VoxelGrid {
  const { shape, seed, matrix, inclusion, volumeFraction, radius } = options;
  assertShape(shape);
  if (!(volumeFraction >= 0 && volumeFraction <= 0.95)) {
    invalidInput('volumeFraction', volumeFraction, 'a fraction 0–0.95');
  }
  const labels = new Uint8Array(shape[0] * shape[1] * shape[2]).fill(matrix);
  fillWithSpheres(shape, labels, createRandom(seed), inclusion, volumeFraction, radius, radius, []);
  return {
    shape: [shape[0], shape[1], shape[2]],
    voxelSize_m: options.voxelSize_m ?? 1e-6,
    labels,
    periodic: false,
  };
}

function fillWithSpheres(
  shape: readonly [number, number, number],
  labels: Uint8Array,
  random: ReturnType<typeof createRandom>,
  label: PhaseLabel,
  fraction: number,
  minRadius: number,
  maxRadius: number,
  protect: readonly PhaseLabel[],
): void {
  const total = labels.length;
  let count = labels.reduce((n, l) => n + (l === label ? 1 : 0), 0);
  const target = Math.round(fraction * total);
  for (let guard = 0; count < target && guard < 1_000_000; guard++) {
    const sphere: VoxelSphere = {
      center: [
        random.nextRange(0, shape[0]),
        random.nextRange(0, shape[1]),
        random.nextRange(0, shape[2]),
      ],
      radius: random.nextRange(minRadius, maxRadius),
    };
    count += paintSpheres(shape, labels, [sphere], label, protect);
  }
}

/** Options of {@link createThreePhaseGrid}. */
export interface ThreePhaseOptions {
  readonly shape: readonly [number, number, number];
  readonly seed: number;
  /** NCM volume fraction from overlapping spheres. @defaultValue 0.65 */
  readonly ncmFraction?: number;
  /** Carbon volume fraction from small clusters outside NCM. @defaultValue 0.16 */
  readonly carbonFraction?: number;
  /** Pore volume fraction from small voids outside NCM and carbon. @defaultValue 0.05 */
  readonly poreFraction?: number;
  /** NCM sphere radius (voxels). @defaultValue shape[0] / 10 */
  readonly ncmRadius?: number;
  /** Carbon cluster radius (voxels). @defaultValue 1.6 */
  readonly carbonRadius?: number;
  readonly voxelSize_m?: number;
}

/**
 * A seeded NCM / SE / carbon / pore composite: overlapping NCM spheres, carbon clusters and pores
 * placed in the space left, SE filling the rest (SE ≈ 1 − the others). Only a test structure.
 */
export function createThreePhaseGrid(options: ThreePhaseOptions): VoxelGrid {
  const { shape, seed } = options;
  assertShape(shape);
  const random = createRandom(seed);
  const labels = new Uint8Array(shape[0] * shape[1] * shape[2]).fill(PhaseLabel.se);
  const ncmRadius = options.ncmRadius ?? shape[0] / 10;
  const carbonRadius = options.carbonRadius ?? 1.6;
  fillWithSpheres(
    shape,
    labels,
    random,
    PhaseLabel.ncm,
    options.ncmFraction ?? 0.65,
    0.7 * ncmRadius,
    1.3 * ncmRadius,
    [],
  );
  fillWithSpheres(
    shape,
    labels,
    random,
    PhaseLabel.carbon,
    options.carbonFraction ?? 0.16,
    0.8 * carbonRadius,
    1.2 * carbonRadius,
    [PhaseLabel.ncm],
  );
  fillWithSpheres(
    shape,
    labels,
    random,
    PhaseLabel.pore,
    options.poreFraction ?? 0.05,
    0.8 * carbonRadius,
    1.2 * carbonRadius,
    [PhaseLabel.ncm, PhaseLabel.carbon],
  );
  return {
    shape: [shape[0], shape[1], shape[2]],
    voxelSize_m: options.voxelSize_m ?? 1e-6,
    labels,
    periodic: false,
  };
}
