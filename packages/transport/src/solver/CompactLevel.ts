// Compact (gathered) storage of a sparse finest level: the active cells only, colour-sorted, with
// their six neighbour indices and conductances, plus its Gauss–Seidel, operator and transfer
// kernels. Used when the conducting cluster fills a small part of the grid (ionic paths).
import type { GridLevel } from './GridLevel.js';
import type { LevelVector } from './stencilKernels.js';

/**
 * The active cells of a {@link GridLevel} renumbered 0…n−1: colour-0 cells first (0…nRed−1) then
 * colour-1 cells, each colour in padded-index order, so a red–black half sweep is one contiguous
 * loop. Vectors have n + 1 entries; entry n is a dummy that stays 0 (the neighbour of faces to
 * ghosts or Dirichlet boundaries).
 */
export interface CompactLevel {
  readonly n: number;
  readonly nRed: number;
  /** Neighbour indices, 6 per cell in the order −x, +x, −y, +y, −z, +z (n when none). */
  readonly neighbours: Int32Array;
  /** Face conductances, 6 per cell, same order (outlet Dirichlet face included, inlet face not). */
  readonly conductances: Float32Array;
  /** Inlet Dirichlet conductance of each cell (0 except on the first layer); = b for φ_in = 1 V. */
  readonly inlet: Float32Array;
  /** 1 / diagonal (float32) for the smoother. */
  readonly inverseDiagonal: Float32Array;
  /** Padded index of each cell in the structured level (for the coarse transfer). */
  readonly padded: Int32Array;
}

/** Bytes of a {@link CompactLevel}. */
export function compactLevelBytes(c: CompactLevel): number {
  return (6 * 4 + 6 * 4 + 4 + 4 + 4) * c.n + 8;
}

/** Builds the compact level of a structured level's active runs. */
export function compactLevel(level: GridLevel): CompactLevel {
  const { ny, nz, sy, sz, gx, gy, gz, runs, rowStart } = level;
  let n = 0;
  for (let r = 0; r < runs.length; r += 2) n += runs[r + 1]! - runs[r]!;
  const padded = new Int32Array(n);
  // Colour-0 cells first, then colour 1 (colour as in stencilKernels: p ≡ base + j + k + colour).
  let fill = 0;
  let red = 0;
  for (const colour of [0, 1] as const) {
    let row = 0;
    for (let k = 1; k <= nz; k++) {
      for (let j = 1; j <= ny; j++, row++) {
        const t = (sz * k + sy * j + j + k + colour) & 1;
        for (let r = 2 * rowStart[row]!; r < 2 * rowStart[row + 1]!; r += 2) {
          const end = runs[r + 1]!;
          for (let p = runs[r]! + ((runs[r]! ^ t) & 1); p < end; p += 2) padded[fill++] = p;
        }
      }
    }
    if (colour === 0) red = fill;
  }
  // Padded → compact index (setup scratch, 4 bytes per padded cell, released after the build).
  const index = new Int32Array(level.size).fill(n);
  for (let c = 0; c < n; c++) index[padded[c]!] = c;
  const neighbours = new Int32Array(6 * n);
  const conductances = new Float32Array(6 * n);
  const inlet = new Float32Array(n + 1);
  const inverseDiagonal = new Float32Array(n);
  // Inlet cells: the Dirichlet conductance goes to b (inlet), not to a neighbour.
  const isInlet = new Uint8Array(level.size);
  for (let k = 1; k <= nz; k++) {
    for (let j = 1; j <= ny; j++) isInlet[sz * k + sy * j + 1] = 1;
  }
  for (let c = 0; c < n; c++) {
    const p = padded[c]!;
    const o = 6 * c;
    const west = gx[p - 1]!;
    const g1 = gx[p]!;
    const g2 = gy[p - sy]!;
    const g3 = gy[p]!;
    const g4 = gz[p - sz]!;
    const g5 = gz[p]!;
    const inletCell = isInlet[p] === 1;
    inlet[c] = inletCell ? west : 0;
    conductances[o] = inletCell ? 0 : west;
    conductances[o + 1] = g1;
    conductances[o + 2] = g2;
    conductances[o + 3] = g3;
    conductances[o + 4] = g4;
    conductances[o + 5] = g5;
    // Ghost and inactive neighbours map to the dummy entry n (their face conductance is 0, or the
    // outlet Dirichlet conductance towards φ = 0).
    neighbours[o] = index[p - 1]!;
    neighbours[o + 1] = index[p + 1]!;
    neighbours[o + 2] = index[p - sy]!;
    neighbours[o + 3] = index[p + sy]!;
    neighbours[o + 4] = index[p - sz]!;
    neighbours[o + 5] = index[p + sz]!;
    inverseDiagonal[c] = 1 / (west + g1 + g2 + g3 + g4 + g5);
  }
  return { n, nRed: red, neighbours, conductances, inlet, inverseDiagonal, padded };
}

/** Gauss–Seidel over cells c0 ≤ c < c1 (one colour) of A x = b. */
export function compactSmooth(
  m: CompactLevel,
  b: LevelVector,
  x: LevelVector,
  c0: number,
  c1: number,
): void {
  const nb = m.neighbours;
  const g = m.conductances;
  const inv = m.inverseDiagonal;
  for (let c = c0; c < c1; c++) {
    const o = 6 * c;
    x[c] =
      (b[c]! +
        g[o]! * x[nb[o]!]! +
        g[o + 1]! * x[nb[o + 1]!]! +
        g[o + 2]! * x[nb[o + 2]!]! +
        g[o + 3]! * x[nb[o + 3]!]! +
        g[o + 4]! * x[nb[o + 4]!]! +
        g[o + 5]! * x[nb[o + 5]!]!) *
      inv[c]!;
  }
}

/** First colour-0 half sweep from a zero guess: x = b / diag on colour-0 cells. */
export function compactSmoothFirst(m: CompactLevel, b: LevelVector, x: LevelVector): void {
  const inv = m.inverseDiagonal;
  for (let c = 0; c < m.nRed; c++) x[c] = b[c]! * inv[c]!;
}

/** y = A x; returns x·A x (float64 accumulation). */
export function compactApply(m: CompactLevel, x: LevelVector, y: LevelVector): number {
  const nb = m.neighbours;
  const g = m.conductances;
  const inlet = m.inlet;
  let dot = 0;
  for (let c = 0; c < m.n; c++) {
    const o = 6 * c;
    const g0 = g[o]!;
    const g1 = g[o + 1]!;
    const g2 = g[o + 2]!;
    const g3 = g[o + 3]!;
    const g4 = g[o + 4]!;
    const g5 = g[o + 5]!;
    const xc = x[c]!;
    const value =
      (inlet[c]! + g0 + g1 + g2 + g3 + g4 + g5) * xc -
      g0 * x[nb[o]!]! -
      g1 * x[nb[o + 1]!]! -
      g2 * x[nb[o + 2]!]! -
      g3 * x[nb[o + 3]!]! -
      g4 * x[nb[o + 4]!]! -
      g5 * x[nb[o + 5]!]!;
    y[c] = value;
    dot += xc * value;
  }
  return dot;
}

/**
 * cb += Pᵀ (b − A x) right after a colour-1 half sweep (colour-1 residuals are then zero); the
 * aggregate of cell c is `parent[c]`.
 */
export function compactRestrictAfterSweep(
  m: CompactLevel,
  b: LevelVector,
  x: LevelVector,
  parent: Int32Array,
  cb: LevelVector,
): void {
  const nb = m.neighbours;
  const g = m.conductances;
  const inlet = m.inlet;
  for (let c = 0; c < m.nRed; c++) {
    const o = 6 * c;
    const g0 = g[o]!;
    const g1 = g[o + 1]!;
    const g2 = g[o + 2]!;
    const g3 = g[o + 3]!;
    const g4 = g[o + 4]!;
    const g5 = g[o + 5]!;
    const residual =
      b[c]! -
      (inlet[c]! + g0 + g1 + g2 + g3 + g4 + g5) * x[c]! +
      g0 * x[nb[o]!]! +
      g1 * x[nb[o + 1]!]! +
      g2 * x[nb[o + 2]!]! +
      g3 * x[nb[o + 3]!]! +
      g4 * x[nb[o + 4]!]! +
      g5 * x[nb[o + 5]!]!;
    const q = parent[c]!;
    cb[q] = cb[q]! + residual;
  }
}
