// Banded matrix with in-place LU factorisation (partial pivoting) and solve, after LINPACK
// dgbfa/dgbsl. Column-major band storage with room for the pivoting fill-in; no allocation
// after construction.
import type { FactorableMatrix } from './FactorableMatrix.js';

/**
 * A square banded matrix A (n × n) with `lower` sub- and `upper` super-diagonals.
 *
 * @remarks
 * Storage: LINPACK band layout, column-major, `lda = 2·lower + upper + 1` rows; A(i, j) is
 * stored at `data[j·lda + i − j + lower + upper]`. The extra `lower` rows hold the fill-in of
 * partial pivoting. {@link BandedMatrix.factor} overwrites the matrix with its LU factors;
 * {@link BandedMatrix.solve} then solves A x = b in place any number of times.
 */
export class BandedMatrix implements FactorableMatrix {
  /** Order n. */
  public readonly size: number;
  /** Number of sub-diagonals. */
  public readonly lower: number;
  /** Number of super-diagonals. */
  public readonly upper: number;
  /** Leading dimension of the band storage. */
  public readonly lda: number;
  /** Band storage (see class remarks). */
  public readonly data: Float64Array;
  private readonly pivots: Int32Array;
  private readonly diag: number;

  public constructor(size: number, lower: number, upper: number) {
    this.size = size;
    this.lower = lower;
    this.upper = upper;
    this.lda = 2 * lower + upper + 1;
    this.diag = lower + upper;
    this.data = new Float64Array(this.lda * size);
    this.pivots = new Int32Array(size);
  }

  /** Sets every stored entry (including fill-in space) to zero. */
  public clear(): void {
    this.data.fill(0);
  }

  /** Adds `value` to A(i, j); (i, j) must lie inside the band. */
  public add(i: number, j: number, value: number): void {
    this.data[j * this.lda + i - j + this.diag]! += value;
  }

  /** Reads A(i, j) (0 outside the band). Before factorisation only. */
  public get(i: number, j: number): number {
    if (i - j > this.lower || j - i > this.upper) return 0;
    return this.data[j * this.lda + i - j + this.diag]!;
  }

  /**
   * LU-factorises in place with partial pivoting.
   *
   * @returns 0 on success, else 1 + the index of the first zero pivot (singular matrix).
   */
  public factor(): number {
    const n = this.size;
    const ml = this.lower;
    const mu = this.upper;
    const lda = this.lda;
    const a = this.data;
    const m = this.diag; // 0-based storage row of the diagonal
    let ju = 0;
    for (let k = 0; k < n - 1; k++) {
      const lm = Math.min(ml, n - 1 - k);
      const colK = k * lda;
      // Pivot search in column k, rows k..k+lm.
      let l = m;
      let best = Math.abs(a[colK + m]!);
      for (let r = 1; r <= lm; r++) {
        const v = Math.abs(a[colK + m + r]!);
        if (v > best) {
          best = v;
          l = m + r;
        }
      }
      const pivotRow = l + k - m;
      this.pivots[k] = pivotRow;
      if (best === 0 || !Number.isFinite(best)) return k + 1;
      if (l !== m) {
        const t = a[colK + l]!;
        a[colK + l] = a[colK + m]!;
        a[colK + m] = t;
      }
      const t = -1 / a[colK + m]!;
      for (let r = 1; r <= lm; r++) a[colK + m + r]! *= t;
      ju = Math.min(Math.max(ju, mu + pivotRow), n - 1);
      let mm = m;
      let ll = l;
      for (let j = k + 1; j <= ju; j++) {
        ll -= 1;
        mm -= 1;
        const colJ = j * lda;
        const s = a[colJ + ll]!;
        if (ll !== mm) {
          a[colJ + ll] = a[colJ + mm]!;
          a[colJ + mm] = s;
        }
        if (s !== 0) {
          for (let r = 1; r <= lm; r++) a[colJ + mm + r]! += s * a[colK + m + r]!;
        }
      }
    }
    this.pivots[n - 1] = n - 1;
    const last = a[(n - 1) * lda + m]!;
    if (last === 0 || !Number.isFinite(last)) return n;
    return 0;
  }

  /** Solves A x = b in place (b becomes x) with the factors of {@link BandedMatrix.factor}. */
  public solve(b: Float64Array): void {
    const n = this.size;
    const ml = this.lower;
    const lda = this.lda;
    const a = this.data;
    const m = this.diag;
    if (ml > 0) {
      for (let k = 0; k < n - 1; k++) {
        const lm = Math.min(ml, n - 1 - k);
        const l = this.pivots[k]!;
        const t = b[l]!;
        if (l !== k) {
          b[l] = b[k]!;
          b[k] = t;
        }
        if (t !== 0) {
          const colK = k * lda + m;
          for (let r = 1; r <= lm; r++) b[k + r]! += t * a[colK + r]!;
        }
      }
    }
    for (let k = n - 1; k >= 0; k--) {
      const colK = k * lda;
      b[k]! /= a[colK + m]!;
      const lm = Math.min(k, m);
      const t = -b[k]!;
      if (t !== 0) {
        // rows k−lm .. k−1 of column k sit at storage rows m−lm .. m−1
        for (let r = 1; r <= lm; r++) b[k - r]! += t * a[colK + m - r]!;
      }
    }
  }
}
