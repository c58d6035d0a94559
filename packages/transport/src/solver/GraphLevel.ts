// A coarse multigrid level as a conductance graph in compressed rows (unknowns = aggregates of
// the finer level), and its kernels: forward/backward Gauss–Seidel, operator product, fused
// residual + restriction, prolongation and vector operations.
import type { LevelVector } from './stencilKernels.js';

/**
 * Conductance graph of n unknowns: row u links to `column[t]` with conductance `conductance[t]`
 * for `rowStart[u] ≤ t < rowStart[u+1]` (symmetric, positive, no self links). The diagonal is the
 * sum of the row's conductances plus the unknown's Dirichlet conductance.
 */
export interface GraphLevel {
  readonly n: number;
  readonly rowStart: Int32Array;
  readonly column: Int32Array;
  readonly conductance: Float32Array;
  readonly diagonal: Float32Array;
}

/** Bytes of a {@link GraphLevel}. */
export function graphLevelBytes(g: GraphLevel): number {
  return g.rowStart.byteLength + g.column.byteLength + g.conductance.byteLength + 4 * g.n;
}

/** One forward Gauss–Seidel sweep of A x = b (rows in order); `fromZero`: x is zero on entry. */
export function graphForwardSweep(
  g: GraphLevel,
  b: LevelVector,
  x: LevelVector,
  fromZero: boolean,
): void {
  const { n, rowStart, column, conductance, diagonal } = g;
  if (fromZero) x.fill(0, 0, n);
  let t = 0;
  for (let u = 0; u < n; u++) {
    let sum = b[u]!;
    const end = rowStart[u + 1]!;
    for (; t < end; t++) sum += conductance[t]! * x[column[t]!]!;
    x[u] = sum / diagonal[u]!;
  }
}

/** One backward sweep (rows in reverse order): the adjoint of {@link graphForwardSweep}. */
export function graphBackwardSweep(g: GraphLevel, b: LevelVector, x: LevelVector): void {
  const { n, rowStart, column, conductance, diagonal } = g;
  for (let u = n - 1; u >= 0; u--) {
    let sum = b[u]!;
    const begin = rowStart[u]!;
    for (let t = rowStart[u + 1]! - 1; t >= begin; t--) sum += conductance[t]! * x[column[t]!]!;
    x[u] = sum / diagonal[u]!;
  }
}

/** (A x)_u: the row u of the graph Laplacian times x. */
function rowTimes(g: GraphLevel, x: LevelVector, u: number): number {
  const { rowStart, column, conductance } = g;
  let value = g.diagonal[u]! * x[u]!;
  const end = rowStart[u + 1]!;
  for (let t = rowStart[u]!; t < end; t++) value -= conductance[t]! * x[column[t]!]!;
  return value;
}

/** y = A x; returns x·A x (float64 accumulation). */
export function graphApply(g: GraphLevel, x: LevelVector, y: LevelVector): number {
  let dot = 0;
  for (let u = 0; u < g.n; u++) {
    const value = rowTimes(g, x, u);
    y[u] = value;
    dot += x[u]! * value;
  }
  return dot;
}

/** x·A x without storing A x. */
export function graphEnergy(g: GraphLevel, x: LevelVector): number {
  let dot = 0;
  for (let u = 0; u < g.n; u++) dot += x[u]! * rowTimes(g, x, u);
  return dot;
}

/** cb = Pᵀ (b − A x) with P the aggregation `parent` (cb is cleared first). */
export function graphRestrict(
  g: GraphLevel,
  b: LevelVector,
  x: LevelVector,
  parent: Int32Array,
  cb: LevelVector,
  coarseLength: number,
): void {
  const { n, rowStart, column, conductance, diagonal } = g;
  cb.fill(0, 0, coarseLength);
  for (let u = 0; u < n; u++) {
    let residual = b[u]! - diagonal[u]! * x[u]!;
    const end = rowStart[u + 1]!;
    for (let t = rowStart[u]!; t < end; t++) residual += conductance[t]! * x[column[t]!]!;
    const q = parent[u]!;
    cb[q] = cb[q]! + residual;
  }
}

/** x += P e for the first `n` entries of x (`parent[u]` = aggregate of u). */
export function prolongByParent(
  n: number,
  parent: Int32Array,
  e: LevelVector,
  x: LevelVector,
): void {
  for (let u = 0; u < n; u++) x[u] = x[u]! + e[parent[u]!]!;
}
