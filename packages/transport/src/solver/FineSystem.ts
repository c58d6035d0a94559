// The finest level of a voxel solve behind one interface, in two storages: the structured padded
// grid (dense clusters) and the compact active-cell list (sparse clusters), plus the operations
// every multigrid level offers (LevelSystem). The conjugate-gradient loop and the multigrid cycle
// call these per iteration, never per cell.
import type { LinkTable } from './aggregateLinks.js';
import {
  type CompactLevel,
  compactApply,
  compactLevel,
  compactLevelBytes,
  compactRestrictAfterSweep,
  compactSmooth,
  compactSmoothFirst,
} from './CompactLevel.js';
import { prolongByParent } from './GraphLevel.js';
import type { GridLevel } from './GridLevel.js';
import {
  applyOperator,
  combineActive,
  dotActive,
  type LevelVector,
  operatorEnergy,
  prolongAddByParent,
  restrictAfterSweepByParent,
  smoothColour,
  smoothFirstColour,
} from './stencilKernels.js';

/** Sizes of the next coarser level a transfer writes into. */
export interface CoarseSize {
  readonly unknowns: number;
  /** Vector length (entries to clear before a restriction). */
  readonly length: number;
}

/** Operations of one multigrid level on its own vectors. */
export interface LevelSystem {
  /** Length of every vector of this level. */
  readonly length: number;
  /** Active unknowns. */
  readonly unknowns: number;
  apply(x: LevelVector, y: LevelVector): number;
  dot(a: LevelVector, b: LevelVector): number;
  /** a = α a + β b. */
  combine(alpha: number, a: LevelVector, beta: number, b: LevelVector): void;
  /** x·A x without storing A x. */
  energy(x: LevelVector): number;
  /** Pre-smoothing from a zero guess (`steps` sweeps; x need not be cleared). */
  preSmooth(b: LevelVector, x: LevelVector, steps: number): void;
  /** Post-smoothing, the adjoint of {@link LevelSystem.preSmooth}. */
  postSmooth(b: LevelVector, x: LevelVector, steps: number): void;
  /** cb = Pᵀ (b − A x) into the next coarser level, right after `preSmooth`. */
  restrict(b: LevelVector, x: LevelVector, cb: LevelVector): void;
  /** x += P e from the next coarser level. */
  prolongAdd(e: LevelVector, x: LevelVector): void;
  /** This level's conductance graph and blocks, to aggregate the next level from. */
  linkTable(): LinkTable;
  /** Sets the aggregate (next-level vector entry) of every unknown of {@link linkTable}. */
  attachCoarse(parent: Int32Array, coarse: CoarseSize): void;
  /**
   * Bytes the kernels called so far must move (modelled per call: each array element streamed
   * once, gathered neighbours counted once per sweep), for bandwidth-efficiency reports.
   */
  traffic: number;
}

/** The red–black half sweeps a structured or compact fine level provides. */
interface RedBlackSmoother {
  smoothFirst(b: LevelVector, x: LevelVector): void;
  smooth(b: LevelVector, x: LevelVector, colour: 0 | 1): void;
}

/** Red then black, `steps` times, from a zero guess (the first red sweep is x = b / diag). */
function redBlackPreSmooth(
  smoother: RedBlackSmoother,
  b: LevelVector,
  x: LevelVector,
  steps: number,
): void {
  smoother.smoothFirst(b, x);
  smoother.smooth(b, x, 1);
  for (let s = 1; s < steps; s++) {
    smoother.smooth(b, x, 0);
    smoother.smooth(b, x, 1);
  }
}

/** Black then red, `steps` times (the adjoint order). */
function redBlackPostSmooth(
  smoother: RedBlackSmoother,
  b: LevelVector,
  x: LevelVector,
  steps: number,
): void {
  for (let s = 0; s < steps; s++) {
    smoother.smooth(b, x, 1);
    smoother.smooth(b, x, 0);
  }
}

/** Block of padded index p of `level` in the 2×2×2 block grid. */
function blockOfPadded(level: GridLevel, p: number): number {
  const { nx, ny, sy, sz } = level;
  const k = Math.floor(p / sz) - 1;
  const j = Math.floor((p % sz) / sy) - 1;
  const i = (p % sy) - 1;
  const bx = Math.ceil(nx / 2);
  const by = Math.ceil(ny / 2);
  return (i >> 1) + bx * ((j >> 1) + by * (k >> 1));
}

/** Block grid of a level's 2×2×2 blocks. */
function blockShapeOf(level: GridLevel): [number, number, number] {
  return [Math.ceil(level.nx / 2), Math.ceil(level.ny / 2), Math.ceil(level.nz / 2)];
}

/** Inlet / outlet currents (dimensionless) and their relative imbalance. */
export interface FaceCurrents {
  readonly inlet: number;
  readonly outlet: number;
  readonly balance: number;
}

/** Operations on the finest level's vectors (float32 unless stated; x is float64). */
export interface FineSystem extends LevelSystem {
  /** Bytes held beyond the structured level (compact storage, transfer maps). */
  readonly extraBytes: number;
  /** Writes b (inlet conductance × 1 V) into `b`; returns ‖b‖². */
  rightHandSide(b: Float32Array): number;
  /** x += α p, r −= α q; returns r·r. */
  update(alpha: number, p: Float32Array, q: Float32Array, x: Float64Array, r: Float32Array): number;
  /** r = b − A x (float64 arithmetic); returns ‖b − A x‖². */
  trueResidual(x: Float64Array, r: Float32Array): number;
  currents(x: Float64Array): FaceCurrents;
  /**
   * Dissipation Σ g (Δφ)² over every link, the Dirichlet faces at 1 V / 0 V included (float64,
   * a sum of non-negative terms). By Thomson's principle it is at least the exact current at
   * Δφ = 1 V and exceeds it by exactly ‖x − x*‖²_A: an upper bound whose error is quadratic in
   * the potential error (the face currents' error is linear), so σ_eff is computed from it.
   */
  dissipation(x: Float64Array): number;
  /** Active cells through which at least `minimumCurrent` flows. */
  countCurrentCarrying(x: Float64Array, minimumCurrent: number): number;
  /** The structured level behind this storage. */
  readonly level: GridLevel;
  /** Padded index of every unknown, in {@link LevelSystem.linkTable} order. */
  paddedPositions(): Int32Array;
  /** One Gauss–Seidel half sweep over the cells of one colour, from any x. */
  smooth(b: LevelVector, x: LevelVector, colour: 0 | 1): void;
  /**
   * Visits every link with g > 0 once, by vector positions: `boundary` when q is no unknown
   * (a Dirichlet face; x[q] stays 0 there).
   */
  eachLink(visit: LinkVisitor): void;
}

/** Receives one link of {@link FineSystem.eachLink}. */
export type LinkVisitor = (p: number, q: number, g: number, boundary: boolean) => void;

function balanceOf(inlet: number, outlet: number): FaceCurrents {
  return { inlet, outlet, balance: inlet > 0 ? Math.abs(inlet - outlet) / Math.abs(inlet) : 0 };
}

/** The structured padded level itself. */
export class GridFineSystem implements FineSystem {
  public readonly length: number;
  public readonly unknowns: number;
  public traffic = 0;
  /** Aggregate of every padded cell (0 off the active cells). */
  private parent: Int32Array = new Int32Array(0);
  private coarse: CoarseSize = { unknowns: 0, length: 0 };

  public constructor(public readonly level: GridLevel) {
    this.length = level.size;
    let n = 0;
    for (let r = 0; r < level.runs.length; r += 2) n += level.runs[r + 1]! - level.runs[r]!;
    this.unknowns = n;
  }

  public get extraBytes(): number {
    return this.parent.byteLength;
  }

  public rightHandSide(b: Float32Array): number {
    const { ny, nz, sy, sz, gx } = this.level;
    b.fill(0);
    let bb = 0;
    for (let k = 1; k <= nz; k++) {
      for (let j = 1; j <= ny; j++) {
        const cell = sz * k + sy * j + 1;
        const g = gx[cell - 1]!;
        b[cell] = g;
        bb += g * g;
      }
    }
    return bb;
  }

  public apply(x: LevelVector, y: LevelVector): number {
    this.traffic += 20 * this.unknowns;
    return applyOperator(this.level, x, y);
  }

  public dot(a: LevelVector, b: LevelVector): number {
    this.traffic += 8 * this.unknowns;
    return dotActive(this.level, a, b);
  }

  public combine(alpha: number, a: LevelVector, beta: number, b: LevelVector): void {
    this.traffic += 12 * this.unknowns;
    combineActive(this.level, alpha, a, beta, b);
  }

  public update(
    alpha: number,
    p: Float32Array,
    q: Float32Array,
    x: Float64Array,
    r: Float32Array,
  ): number {
    this.traffic += 32 * this.unknowns;
    const { runs } = this.level;
    let rr = 0;
    for (let t = 0; t < runs.length; t += 2) {
      const end = runs[t + 1]!;
      for (let i = runs[t]!; i < end; i++) {
        x[i] = x[i]! + alpha * p[i]!;
        const value = Math.fround(r[i]! - alpha * q[i]!);
        r[i] = value;
        rr += value * value;
      }
    }
    return rr;
  }

  public trueResidual(x: Float64Array, r: Float32Array): number {
    this.traffic += 24 * this.unknowns;
    const { nx, ny, nz, sy, sz, gx, gy, gz } = this.level;
    let rr = 0;
    for (let k = 1; k <= nz; k++) {
      for (let j = 1; j <= ny; j++) {
        const row = sz * k + sy * j;
        for (let p = row + 1; p <= row + nx; p++) {
          const w = gx[p - 1]!;
          const e = gx[p]!;
          const s = gy[p - sy]!;
          const n = gy[p]!;
          const d = gz[p - sz]!;
          const u = gz[p]!;
          const b = p === row + 1 ? w : 0;
          const value =
            b -
            (w + e + s + n + d + u) * x[p]! +
            (p === row + 1 ? 0 : w * x[p - 1]!) +
            e * x[p + 1]! +
            s * x[p - sy]! +
            n * x[p + sy]! +
            d * x[p - sz]! +
            u * x[p + sz]!;
          r[p] = value;
          rr += value * value;
        }
      }
    }
    return rr;
  }

  public currents(x: Float64Array): FaceCurrents {
    const { nx, ny, nz, sy, sz, gx } = this.level;
    let inlet = 0;
    let outlet = 0;
    for (let k = 1; k <= nz; k++) {
      for (let j = 1; j <= ny; j++) {
        const first = sz * k + sy * j + 1;
        inlet += gx[first - 1]! * (1 - x[first]!);
        const last = first + nx - 1;
        outlet += gx[last]! * x[last]!;
      }
    }
    return balanceOf(inlet, outlet);
  }

  public dissipation(x: Float64Array): number {
    const { ny, nz, sy, sz, gx, gy, gz, runs, rowStart } = this.level;
    this.traffic += 24 * this.unknowns;
    let sum = 0;
    let row = 0;
    for (let k = 1; k <= nz; k++) {
      for (let j = 1; j <= ny; j++, row++) {
        const first = sz * k + sy * j + 1;
        sum += gx[first - 1]! * (1 - x[first]!) ** 2;
        for (let r = 2 * rowStart[row]!; r < 2 * rowStart[row + 1]!; r += 2) {
          for (let p = runs[r]!; p < runs[r + 1]!; p++) {
            // Ghost and inactive neighbours hold x = 0: the outlet face is the x link of the last
            // cell, lateral ghost links have g = 0.
            const xp = x[p]!;
            sum += gx[p]! * (x[p + 1]! - xp) ** 2;
            sum += gy[p]! * (x[p + sy]! - xp) ** 2;
            sum += gz[p]! * (x[p + sz]! - xp) ** 2;
          }
        }
      }
    }
    return sum;
  }

  public countCurrentCarrying(x: Float64Array, minimumCurrent: number): number {
    const { nx, ny, nz, sy, sz, gx, gy, gz } = this.level;
    let count = 0;
    for (let k = 1; k <= nz; k++) {
      for (let j = 1; j <= ny; j++) {
        const row = sz * k + sy * j;
        for (let p = row + 1; p <= row + nx; p++) {
          const w = gx[p - 1]!;
          const e = gx[p]!;
          const s = gy[p - sy]!;
          const n = gy[p]!;
          const d = gz[p - sz]!;
          const u = gz[p]!;
          if (w + e + s + n + d + u === 0) continue;
          const xp = x[p]!;
          const west = p === row + 1 ? 1 : x[p - 1]!;
          const east = p === row + nx ? 0 : x[p + 1]!;
          const flow =
            0.5 *
            (w * Math.abs(west - xp) +
              e * Math.abs(east - xp) +
              s * Math.abs(x[p - sy]! - xp) +
              n * Math.abs(x[p + sy]! - xp) +
              d * Math.abs(x[p - sz]! - xp) +
              u * Math.abs(x[p + sz]! - xp));
          if (flow >= minimumCurrent) count++;
        }
      }
    }
    return count;
  }

  public energy(x: LevelVector): number {
    this.traffic += 16 * this.unknowns;
    return operatorEnergy(this.level, x);
  }

  public smoothFirst(b: LevelVector, x: LevelVector): void {
    this.traffic += 16 * this.unknowns;
    smoothFirstColour(this.level, b, x);
  }

  public smooth(b: LevelVector, x: LevelVector, colour: 0 | 1): void {
    this.traffic += 20 * this.unknowns;
    smoothColour(this.level, b, x, colour);
  }

  public preSmooth(b: LevelVector, x: LevelVector, steps: number): void {
    redBlackPreSmooth(this, b, x, steps);
  }

  public postSmooth(b: LevelVector, x: LevelVector, steps: number): void {
    redBlackPostSmooth(this, b, x, steps);
  }

  public paddedPositions(): Int32Array {
    const { runs } = this.level;
    const position = new Int32Array(this.unknowns);
    let u = 0;
    for (let r = 0; r < runs.length; r += 2) {
      for (let p = runs[r]!; p < runs[r + 1]!; p++) position[u++] = p;
    }
    return position;
  }

  public eachLink(visit: LinkVisitor): void {
    const { nx, ny, nz, sy, sz, gx, gy, gz, runs, rowStart } = this.level;
    let row = 0;
    for (let k = 1; k <= nz; k++) {
      for (let j = 1; j <= ny; j++, row++) {
        const first = sz * k + sy * j + 1;
        const last = first + nx - 1;
        for (let r = 2 * rowStart[row]!; r < 2 * rowStart[row + 1]!; r += 2) {
          for (let p = runs[r]!; p < runs[r + 1]!; p++) {
            if (p === first && gx[p - 1]! > 0) visit(p, p - 1, gx[p - 1]!, true);
            if (gx[p]! > 0) visit(p, p + 1, gx[p]!, p === last);
            if (gy[p]! > 0) visit(p, p + sy, gy[p]!, false);
            if (gz[p]! > 0) visit(p, p + sz, gz[p]!, false);
          }
        }
      }
    }
  }

  public linkTable(): LinkTable {
    const { ny, nz, sy, sz, gx, gy, gz, runs, rowStart } = this.level;
    const n = this.unknowns;
    const blockShape = blockShapeOf(this.level);
    // Unknown ids in run order; padded → id map as setup scratch (n = not an unknown).
    const position = new Int32Array(n);
    const block = new Int32Array(n);
    const id = new Int32Array(this.level.size).fill(n);
    let u = 0;
    let row = 0;
    for (let k = 0; k < nz; k++) {
      for (let j = 0; j < ny; j++, row++) {
        const base = sz * (k + 1) + sy * (j + 1) + 1;
        const blockRow = blockShape[0] * ((j >> 1) + blockShape[1] * (k >> 1));
        for (let r = 2 * rowStart[row]!; r < 2 * rowStart[row + 1]!; r += 2) {
          for (let p = runs[r]!; p < runs[r + 1]!; p++) {
            position[u] = p;
            block[u] = blockRow + ((p - base) >> 1);
            id[p] = u++;
          }
        }
      }
    }
    // Ghost neighbours (Dirichlet faces when g > 0) get id n, past the last unknown.
    const column = new Int32Array(6 * n);
    const conductance = new Float32Array(6 * n);
    for (let v = 0; v < n; v++) {
      const p = position[v]!;
      const o = 6 * v;
      conductance[o] = gx[p - 1]!;
      conductance[o + 1] = gx[p]!;
      conductance[o + 2] = gy[p - sy]!;
      conductance[o + 3] = gy[p]!;
      conductance[o + 4] = gz[p - sz]!;
      conductance[o + 5] = gz[p]!;
      column[o] = id[p - 1]!;
      column[o + 1] = id[p + 1]!;
      column[o + 2] = id[p - sy]!;
      column[o + 3] = id[p + sy]!;
      column[o + 4] = id[p - sz]!;
      column[o + 5] = id[p + sz]!;
    }
    return { n, column, conductance, block, blockShape, position };
  }

  public attachCoarse(parentOfUnknown: Int32Array, coarse: CoarseSize): void {
    const { runs } = this.level;
    this.parent = new Int32Array(this.level.size);
    let u = 0;
    for (let r = 0; r < runs.length; r += 2) {
      for (let p = runs[r]!; p < runs[r + 1]!; p++) this.parent[p] = parentOfUnknown[u++]!;
    }
    this.coarse = coarse;
  }

  public restrict(b: LevelVector, x: LevelVector, cb: LevelVector): void {
    this.traffic += 22 * this.unknowns + 8 * this.coarse.unknowns;
    cb.fill(0, 0, this.coarse.length);
    restrictAfterSweepByParent(this.level, b, x, this.parent, cb);
  }

  public prolongAdd(e: LevelVector, x: LevelVector): void {
    this.traffic += 12 * this.unknowns + 4 * this.coarse.unknowns;
    prolongAddByParent(this.level, this.parent, e, x);
  }
}

/** The compact active-cell storage of a sparse finest level. */
export class CompactFineSystem implements FineSystem {
  public readonly length: number;
  public readonly unknowns: number;
  private readonly m: CompactLevel;
  private parent: Int32Array = new Int32Array(0);
  private coarse: CoarseSize = { unknowns: 0, length: 0 };
  public traffic = 0;

  public constructor(public readonly level: GridLevel) {
    this.m = compactLevel(level);
    this.length = this.m.n + 1;
    this.unknowns = this.m.n;
  }

  public get extraBytes(): number {
    return compactLevelBytes(this.m) + 4 * this.parent.length;
  }

  public paddedPositions(): Int32Array {
    return this.m.padded;
  }

  public eachLink(visit: LinkVisitor): void {
    const { n, neighbours, conductances, inlet } = this.m;
    for (let c = 0; c < n; c++) {
      if (inlet[c]! > 0) visit(c, n, inlet[c]!, true);
      for (let t = 6 * c; t < 6 * c + 6; t++) {
        const q = neighbours[t]!;
        const g = conductances[t]!;
        if (g > 0 && q > c) visit(c, q, g, q === n);
      }
    }
  }

  public linkTable(): LinkTable {
    const { n, neighbours, conductances, inlet, padded } = this.m;
    const block = new Int32Array(n);
    for (let c = 0; c < n; c++) block[c] = blockOfPadded(this.level, padded[c]!);
    return {
      n,
      column: neighbours,
      conductance: conductances,
      dirichlet: inlet,
      block,
      blockShape: blockShapeOf(this.level),
    };
  }

  public attachCoarse(parent: Int32Array, coarse: CoarseSize): void {
    this.parent = parent;
    this.coarse = coarse;
  }

  public energy(x: LevelVector): number {
    this.traffic += 60 * this.unknowns;
    const { n, neighbours: nb, conductances: g, inlet } = this.m;
    let dot = 0;
    for (let c = 0; c < n; c++) {
      const o = 6 * c;
      const xc = x[c]!;
      let value = inlet[c]! * xc;
      for (let f = 0; f < 6; f++) value += g[o + f]! * (xc - x[nb[o + f]!]!);
      dot += xc * value;
    }
    return dot;
  }

  public rightHandSide(b: Float32Array): number {
    const inlet = this.m.inlet;
    let bb = 0;
    for (let c = 0; c < this.m.n; c++) {
      const g = inlet[c]!;
      b[c] = g;
      bb += g * g;
    }
    b[this.m.n] = 0;
    return bb;
  }

  public apply(x: LevelVector, y: LevelVector): number {
    this.traffic += 64 * this.unknowns;
    return compactApply(this.m, x, y);
  }

  public dot(a: LevelVector, b: LevelVector): number {
    this.traffic += 8 * this.unknowns;
    let sum = 0;
    for (let c = 0; c < this.m.n; c++) sum += a[c]! * b[c]!;
    return sum;
  }

  public combine(alpha: number, a: LevelVector, beta: number, b: LevelVector): void {
    this.traffic += 12 * this.unknowns;
    for (let c = 0; c < this.m.n; c++) a[c] = alpha * a[c]! + beta * b[c]!;
  }

  public update(
    alpha: number,
    p: Float32Array,
    q: Float32Array,
    x: Float64Array,
    r: Float32Array,
  ): number {
    this.traffic += 32 * this.unknowns;
    let rr = 0;
    for (let c = 0; c < this.m.n; c++) {
      x[c] = x[c]! + alpha * p[c]!;
      const value = Math.fround(r[c]! - alpha * q[c]!);
      r[c] = value;
      rr += value * value;
    }
    return rr;
  }

  public trueResidual(x: Float64Array, r: Float32Array): number {
    this.traffic += 64 * this.unknowns;
    const { n, neighbours: nb, conductances: g, inlet } = this.m;
    let rr = 0;
    for (let c = 0; c < n; c++) {
      const o = 6 * c;
      let value = inlet[c]! * (1 - x[c]!);
      for (let f = 0; f < 6; f++) value += g[o + f]! * (x[nb[o + f]!]! - x[c]!);
      r[c] = value;
      rr += value * value;
    }
    return rr;
  }

  public currents(x: Float64Array): FaceCurrents {
    const { n, neighbours: nb, conductances: g, inlet } = this.m;
    let inletCurrent = 0;
    let outletCurrent = 0;
    for (let c = 0; c < n; c++) {
      inletCurrent += inlet[c]! * (1 - x[c]!);
      if (nb[6 * c + 1] === n) outletCurrent += g[6 * c + 1]! * x[c]!;
    }
    return balanceOf(inletCurrent, outletCurrent);
  }

  public dissipation(x: Float64Array): number {
    const { n, neighbours: nb, conductances: g, inlet } = this.m;
    this.traffic += 60 * n; // inlet, x_c, and per forward link g, index, x_q
    let sum = 0;
    for (let c = 0; c < n; c++) {
      const xc = x[c]!;
      const o = 6 * c;
      // Each link once, from its −x/−y/−z end (the +x, +y, +z entries); the outlet face links to
      // the dummy n (x = 0), ghost and inactive neighbours have g = 0.
      sum +=
        inlet[c]! * (1 - xc) ** 2 +
        g[o + 1]! * (x[nb[o + 1]!]! - xc) ** 2 +
        g[o + 3]! * (x[nb[o + 3]!]! - xc) ** 2 +
        g[o + 5]! * (x[nb[o + 5]!]! - xc) ** 2;
    }
    return sum;
  }

  public countCurrentCarrying(x: Float64Array, minimumCurrent: number): number {
    const { n, neighbours: nb, conductances: g, inlet } = this.m;
    let count = 0;
    for (let c = 0; c < n; c++) {
      const o = 6 * c;
      const xc = x[c]!;
      let flow = inlet[c]! * Math.abs(1 - xc);
      for (let f = 0; f < 6; f++) flow += g[o + f]! * Math.abs(x[nb[o + f]!]! - xc);
      if (0.5 * flow >= minimumCurrent) count++;
    }
    return count;
  }

  public smoothFirst(b: LevelVector, x: LevelVector): void {
    this.traffic += 12 * this.m.nRed;
    compactSmoothFirst(this.m, b, x);
  }

  public smooth(b: LevelVector, x: LevelVector, colour: 0 | 1): void {
    this.traffic += 60 * (colour === 0 ? this.m.nRed : this.m.n - this.m.nRed) + 2 * this.m.n;
    if (colour === 0) compactSmooth(this.m, b, x, 0, this.m.nRed);
    else compactSmooth(this.m, b, x, this.m.nRed, this.m.n);
  }

  public preSmooth(b: LevelVector, x: LevelVector, steps: number): void {
    redBlackPreSmooth(this, b, x, steps);
  }

  public postSmooth(b: LevelVector, x: LevelVector, steps: number): void {
    redBlackPostSmooth(this, b, x, steps);
  }

  public restrict(b: LevelVector, x: LevelVector, cb: LevelVector): void {
    this.traffic += 64 * this.m.nRed + 4 * this.m.n + 8 * this.coarse.unknowns;
    cb.fill(0, 0, this.coarse.length);
    compactRestrictAfterSweep(this.m, b, x, this.parent, cb);
  }

  public prolongAdd(e: LevelVector, x: LevelVector): void {
    this.traffic += 16 * this.m.n + 4 * this.coarse.unknowns;
    prolongByParent(this.m.n, this.parent, e, x);
  }
}
