// Contacts and grain boundaries as face conductances: an area-specific resistance in series with
// the two half-voxel resistances of every face where two SE grains, two NCM particles, two carbon
// pieces or carbon and NCM meet.
import {
  type ContactResistances_ohm_m2,
  invalidInput,
  PhaseLabel,
  type VoxelGrid,
} from '@solidcell/core';
import type { GridLevel } from './solver/GridLevel.js';
import { interfaceStaircaseFactor } from './staircaseFactor.js';

const KEYS = ['se_se', 'ncm_ncm', 'carbon_carbon', 'ncm_carbon'] as const;

/** Validated contact resistances with 0 for absent entries (Ω m²). */
export function resolveContactResistances(
  contacts: Partial<ContactResistances_ohm_m2> | undefined,
): ContactResistances_ohm_m2 {
  const out = { se_se: 0, ncm_ncm: 0, carbon_carbon: 0, ncm_carbon: 0 };
  for (const key of KEYS) {
    const value = contacts?.[key] ?? 0;
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
      invalidInput(
        `contactResistance_ohm_m2.${key}`,
        value,
        'a resistance ≥ 0 Ω m² (Infinity: no contact)',
      );
    }
    out[key] = value;
  }
  return out;
}

/**
 * Area-specific resistance (Ω m²) of the face between voxels `a` and `b` of `grid`.
 *
 * @remarks
 * - Same label, both with a grain id, ids differ: a grain boundary (SE, `se_se`) or a particle
 *   contact (NCM, `ncm_ncm`), times the staircase factor of the interface there
 *   ({@link interfaceStaircaseFactor}: a boundary drawn with voxel faces has |n_x| + |n_y| + |n_z|
 *   times its true area; without it an oblique or curved boundary conducts 1.5× too well on
 *   average at any resolution).
 * - Both carbon-bearing (a carbon voxel or sub-voxel carbon) with different piece ids: a
 *   carbon–carbon contact, `carbon_carbon / min(f_a, f_b)` — only the carbon share f of the face
 *   touches (a full carbon voxel has f = 1).
 * - NCM against carbon-bearing: `ncm_carbon / f` of the carbon side.
 * Resistances of the applicable kinds add.
 */
export function faceContactResistance_ohm_m2(
  grid: VoxelGrid,
  contacts: ContactResistances_ohm_m2,
  a: number,
  b: number,
): number {
  const { labels, grainId, carbonPieceId, carbonFraction } = grid;
  const la = labels[a]!;
  const lb = labels[b]!;
  let resistance = 0;
  if (la === lb && grainId !== undefined) {
    const ga = grainId[a]!;
    const gb = grainId[b]!;
    if (ga >= 0 && gb >= 0 && ga !== gb) {
      const specific =
        la === PhaseLabel.se ? contacts.se_se : la === PhaseLabel.ncm ? contacts.ncm_ncm : 0;
      if (specific > 0) resistance += specific * interfaceStaircaseFactor(grid, a, b);
    }
  }
  const fa = la === PhaseLabel.carbon ? 1 : (carbonFraction?.[a] ?? 0);
  const fb = lb === PhaseLabel.carbon ? 1 : (carbonFraction?.[b] ?? 0);
  if (fa > 0 && fb > 0 && carbonPieceId !== undefined) {
    const pa = carbonPieceId[a]!;
    const pb = carbonPieceId[b]!;
    if (pa >= 0 && pb >= 0 && pa !== pb) resistance += contacts.carbon_carbon / Math.min(fa, fb);
  }
  if (la === PhaseLabel.ncm && fb > 0) resistance += contacts.ncm_carbon / fb;
  if (lb === PhaseLabel.ncm && fa > 0) resistance += contacts.ncm_carbon / fa;
  return resistance;
}

/**
 * Puts the contact resistances in series with the interior faces of a normalised level:
 * g' = g / (1 + g R σ_scale / h), with g = σ_face/σ_scale the harmonic-mean face conductance.
 *
 * @param gridStrides - strides of the solver axes (i, j, k) in the grid's voxel index.
 */
export function applyContactResistances(
  level: GridLevel,
  grid: VoxelGrid,
  gridStrides: readonly [number, number, number],
  contacts: ContactResistances_ohm_m2,
  sigmaScale_S_per_m: number,
): void {
  if (contacts.se_se + contacts.ncm_ncm + contacts.carbon_carbon + contacts.ncm_carbon === 0)
    return;
  const { nx, ny, nz, sy, sz, gx, gy, gz } = level;
  const [si, sj, sk] = gridStrides;
  const scale = sigmaScale_S_per_m / grid.voxelSize_m;
  const series = (g: Float32Array, p: number, a: number, b: number) => {
    const value = g[p]!;
    if (value === 0) return;
    const r = faceContactResistance_ohm_m2(grid, contacts, a, b);
    if (r > 0) g[p] = value / (1 + value * r * scale);
  };
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      const row = sz * (k + 1) + sy * (j + 1) + 1;
      const gRow = sj * j + sk * k;
      for (let i = 0; i < nx; i++) {
        const p = row + i;
        const a = gRow + si * i;
        if (i + 1 < nx) series(gx, p, a, a + si);
        if (j + 1 < ny) series(gy, p, a, a + sj);
        if (k + 1 < nz) series(gz, p, a, a + sk);
      }
    }
  }
}
