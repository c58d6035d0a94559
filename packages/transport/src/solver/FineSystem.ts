// The finest level of a voxel solve behind one interface, in two storages: the structured padded
// grid (dense clusters) and the compact active-cell list (sparse clusters). The conjugate-gradient
// loop and the multigrid cycle call these per iteration, never per cell.
import {
  type CompactLevel,
  compactApply,
  compactLevel,
  compactLevelBytes,
  compactParents,
  compactProlongAdd,
  compactRestrictAfterSweep,
  compactSmooth,
  compactSmoothFirst,
} from './CompactLevel.js';
import type { GridLevel } from './GridLevel.js';
import {
  applyOperator,
  combineActive,
  dotActive,
  type LevelVector,
  operatorEnergy,
  prolongAdd,
  restrictResidualAfterSweep,
  smoothColour,
  smoothFirstColour,
  zeroActive,
} from './stencilKernels.js';

/** Inlet / outlet currents (dimensionless) and their relative imbalance. */
export interface FaceCurrents {
  readonly inlet: number;
  readonly outlet: number;
  readonly balance: number;
}

/** Operations on the finest level's vectors (float32 unless stated; x is float64). */
export interface FineSystem {
  /** Length of every fine vector. */
  readonly length: number;
  /** Active unknowns. */
  readonly unknowns: number;
  /** Bytes held beyond the structured level (compact storage, transfer maps). */
  readonly extraBytes: number;
  /** Writes b (inlet conductance × 1 V) into `b`; returns ‖b‖². */
  rightHandSide(b: Float32Array): number;
  apply(x: LevelVector, y: LevelVector): number;
  dot(a: LevelVector, b: LevelVector): number;
  /** a = α a + β b. */
  combine(alpha: number, a: LevelVector, beta: number, b: LevelVector): void;
  /** x += α p, r −= α q; returns r·r. */
  update(alpha: number, p: Float32Array, q: Float32Array, x: Float64Array, r: Float32Array): number;
  /** r = b − A x (float64 arithmetic); returns ‖b − A x‖². */
  trueResidual(x: Float64Array, r: Float32Array): number;
  currents(x: Float64Array): FaceCurrents;
  /** Active cells through which at least `minimumCurrent` flows. */
  countCurrentCarrying(x: Float64Array, minimumCurrent: number): number;
  /** x·A x without storing A x. */
  energy(x: LevelVector): number;
  /** v = 0 on the active entries. */
  zero(v: LevelVector): void;
  smoothFirst(b: LevelVector, x: LevelVector): void;
  smooth(b: LevelVector, x: LevelVector, colour: 0 | 1): void;
  /** cb = Pᵀ (b − A x) into the next coarser level (after a colour-1 half sweep). */
  restrictAfterSweep(b: LevelVector, x: LevelVector, coarse: FineSystem, cb: LevelVector): void;
  /** x += P e from the next coarser level. */
  prolongAdd(coarse: FineSystem, e: LevelVector, x: LevelVector): void;
  /** The structured level behind this storage. */
  readonly level: GridLevel;
  /**
   * Bytes the kernels called so far must move (modelled per call: each array element streamed
   * once, gathered neighbours counted once per sweep), for bandwidth-efficiency reports.
   */
  traffic: number;
}

function balanceOf(inlet: number, outlet: number): FaceCurrents {
  return { inlet, outlet, balance: inlet > 0 ? Math.abs(inlet - outlet) / Math.abs(inlet) : 0 };
}

/** The structured padded level itself. */
export class GridFineSystem implements FineSystem {
  public readonly length: number;
  public readonly unknowns: number;
  public readonly extraBytes = 0;
  public traffic = 0;

  public constructor(public readonly level: GridLevel) {
    this.length = level.size;
    let n = 0;
    for (let r = 0; r < level.runs.length; r += 2) n += level.runs[r + 1]! - level.runs[r]!;
    this.unknowns = n;
  }

  public rightHandSide(b: Float32Array): number {
    const { nx, ny, nz, sy, sz, gx } = this.level;
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
    void nx;
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

  public zero(v: LevelVector): void {
    this.traffic += 4 * this.unknowns;
    zeroActive(this.level, v);
  }

  public smoothFirst(b: LevelVector, x: LevelVector): void {
    this.traffic += 16 * this.unknowns;
    smoothFirstColour(this.level, b, x);
  }

  public smooth(b: LevelVector, x: LevelVector, colour: 0 | 1): void {
    this.traffic += 20 * this.unknowns;
    smoothColour(this.level, b, x, colour);
  }

  public restrictAfterSweep(
    b: LevelVector,
    x: LevelVector,
    coarse: FineSystem,
    cb: LevelVector,
  ): void {
    this.traffic += 18 * this.unknowns + 8 * coarse.unknowns;
    // A structured level is only ever followed by structured ones (density grows on coarsening).
    restrictResidualAfterSweep(this.level, b, x, coarse.level, cb);
  }

  public prolongAdd(coarse: FineSystem, e: LevelVector, x: LevelVector): void {
    this.traffic += 8 * this.unknowns + 4 * coarse.unknowns;
    prolongAdd(coarse.level, e, this.level, x);
  }
}

/** The compact active-cell storage of a sparse finest level. */
export class CompactFineSystem implements FineSystem {
  public readonly length: number;
  public readonly unknowns: number;
  private readonly m: CompactLevel;
  private parent: Int32Array = new Int32Array(0);
  public traffic = 0;

  public constructor(public readonly level: GridLevel) {
    this.m = compactLevel(level);
    this.length = this.m.n + 1;
    this.unknowns = this.m.n;
  }

  public get extraBytes(): number {
    return compactLevelBytes(this.m) + 4 * this.parent.length;
  }

  /** Padded index of each compact cell. */
  public get padded(): Int32Array {
    return this.m.padded;
  }

  /** Sets the coarser level the transfers go to (called once by the multigrid setup). */
  public attachCoarse(coarse: FineSystem): void {
    const parent = compactParents(this.m, this.level, coarse.level);
    if (coarse instanceof CompactFineSystem) {
      const index = new Int32Array(coarse.level.size).fill(-1);
      const padded = coarse.padded;
      for (let c = 0; c < padded.length; c++) index[padded[c]!] = c;
      for (let c = 0; c < parent.length; c++) parent[c] = index[parent[c]!]!;
    }
    this.parent = parent;
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

  public zero(v: LevelVector): void {
    this.traffic += 4 * this.unknowns;
    v.fill(0, 0, this.m.n);
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

  public restrictAfterSweep(
    b: LevelVector,
    x: LevelVector,
    coarse: FineSystem,
    cb: LevelVector,
  ): void {
    this.traffic += 64 * this.m.nRed + 4 * this.m.n + 8 * coarse.unknowns;
    coarse.zero(cb);
    compactRestrictAfterSweep(this.m, b, x, this.parent, cb);
  }

  public prolongAdd(_coarse: FineSystem, e: LevelVector, x: LevelVector): void {
    this.traffic += 16 * this.m.n + 4 * _coarse.unknowns;
    compactProlongAdd(this.m.n, this.parent, e, x);
  }
}
