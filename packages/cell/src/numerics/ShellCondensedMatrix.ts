// The cell Jacobian with the particle shells statically condensed: each node's shell chain is a
// tridiagonal block eliminated by its own LU (Thomas) factorisation, leaving a banded system of
// the node-level unknowns whose band no longer spans the shells. Same add/factor/solve API as
// BandedMatrix; no allocation after construction.
import { BandedMatrix } from './BandedMatrix.js';
import type { FactorableMatrix } from './FactorableMatrix.js';

/** Where the unknowns sit: separator nodes, then electrode node blocks, then trailing unknowns. */
export interface ShellLayout {
  /** Total number of unknowns. */
  readonly size: number;
  /** Index of the first electrode node block. */
  readonly firstBlock: number;
  /** Number of electrode node blocks. */
  readonly blocks: number;
  /** Unknowns per node block (shells included). */
  readonly blockSize: number;
  /** Offset of the first shell inside a node block. */
  readonly shellOffset: number;
  /** Shells per node (a contiguous tridiagonal chain). */
  readonly shells: number;
}

/**
 * A square matrix A = [[A_kk, A_kc], [A_ck, A_cc]] where the shell unknowns c of every node
 * form a tridiagonal block A_cc (no coupling between nodes) and couple to the other (kept)
 * unknowns k only inside their own node block.
 *
 * @remarks
 * {@link ShellCondensedMatrix.factor} LU-factorises each tridiagonal block without pivoting
 * (stable for the column-diagonally-dominant shell diffusion blocks: the off-diagonal sum of a
 * column is bounded by its diagonal, the BDF mass term being the margin), forms Z = A_cc⁻¹ A_ck
 * for the kept columns that the shells actually reference, and factorises the Schur complement
 * S = A_kk − A_kc Z as a {@link BandedMatrix} with partial pivoting. Its half-bandwidth is the
 * kept block size (block size − shells), e.g. 4 instead of 19 for 15 shells, so a factorisation
 * costs about 20× less.
 */
export class ShellCondensedMatrix implements FactorableMatrix {
  /** Order n of the full matrix. */
  public readonly size: number;
  /** The Schur complement on the kept unknowns (banded). */
  public readonly reduced: BandedMatrix;

  private readonly layout: ShellLayout;
  private readonly kept: number; // kept unknowns per node block
  private readonly reducedIndex: Int32Array; // full → reduced index, −1 for shells
  private readonly fullIndex: Int32Array; // reduced → full index
  private readonly nodeOf: Int32Array; // full index → node block, −1 outside the blocks
  private readonly localOf: Int32Array; // full index → shell number, or kept-local position
  private readonly keptReduced: Int32Array; // node × kept-local → reduced index
  private readonly sub: Float64Array; // A_cc(k, k−1), blocks × shells
  private readonly diag: Float64Array; // A_cc(k, k); after factor: U(k, k)
  private readonly sup: Float64Array; // A_cc(k, k+1)
  private readonly multiplier: Float64Array; // L(k, k−1) after factor
  private readonly shellToKept: Float64Array; // A_ck, blocks × shells × kept; after factor: Z
  private readonly keptToShell: Float64Array; // A_kc, blocks × kept × shells
  private readonly usedColumns: Int32Array; // per node: kept-local columns of A_ck with a non-zero
  private readonly usedColumnCount: Int32Array;
  private readonly usedRows: Int32Array; // per node: kept-local rows of A_kc with a non-zero
  private readonly usedRowCount: Int32Array;
  private readonly reducedRhs: Float64Array;
  private located = 0; // offset found by locate()

  public constructor(layout: ShellLayout) {
    const { size, firstBlock, blocks, blockSize, shellOffset, shells } = layout;
    if (shells < 1 || shellOffset < 0 || shellOffset + shells > blockSize) {
      throw new RangeError(
        `shell chain [${shellOffset}, ${shellOffset + shells}) must lie inside the node block of size ${blockSize}`,
      );
    }
    if (firstBlock + blocks * blockSize > size) {
      throw new RangeError(
        `${blocks} node blocks of ${blockSize} do not fit into ${size} unknowns`,
      );
    }
    this.layout = layout;
    this.size = size;
    this.kept = blockSize - shells;
    const reducedSize = size - blocks * shells;
    this.reduced = new BandedMatrix(reducedSize, this.kept, this.kept);
    this.reducedIndex = new Int32Array(size).fill(-1);
    this.fullIndex = new Int32Array(reducedSize);
    this.nodeOf = new Int32Array(size).fill(-1);
    this.localOf = new Int32Array(size).fill(-1);
    this.keptReduced = new Int32Array(blocks * this.kept);
    let r = 0;
    for (let i = 0; i < size; i++) {
      const rel = i - firstBlock;
      const inBlocks = rel >= 0 && rel < blocks * blockSize;
      const node = inBlocks ? Math.floor(rel / blockSize) : -1;
      const local = inBlocks ? rel - node * blockSize : -1;
      const shell = local >= shellOffset && local < shellOffset + shells;
      this.nodeOf[i] = node;
      if (shell) {
        this.localOf[i] = local - shellOffset;
        continue;
      }
      this.reducedIndex[i] = r;
      this.fullIndex[r] = i;
      if (inBlocks) {
        const p = local < shellOffset ? local : local - shells;
        this.localOf[i] = p;
        this.keptReduced[node * this.kept + p] = r;
      }
      r++;
    }
    this.sub = new Float64Array(blocks * shells);
    this.diag = new Float64Array(blocks * shells);
    this.sup = new Float64Array(blocks * shells);
    this.multiplier = new Float64Array(blocks * shells);
    this.shellToKept = new Float64Array(blocks * shells * this.kept);
    this.keptToShell = new Float64Array(blocks * this.kept * shells);
    this.usedColumns = new Int32Array(blocks * this.kept);
    this.usedColumnCount = new Int32Array(blocks);
    this.usedRows = new Int32Array(blocks * this.kept);
    this.usedRowCount = new Int32Array(blocks);
    this.reducedRhs = new Float64Array(reducedSize);
  }

  private outsideStructure(i: number, j: number): never {
    throw new RangeError(
      `entry (${i}, ${j}) couples a particle shell outside its node's tridiagonal chain`,
    );
  }

  /** Sets every stored entry to zero. */
  public clear(): void {
    this.reduced.clear();
    this.sub.fill(0);
    this.diag.fill(0);
    this.sup.fill(0);
    this.shellToKept.fill(0);
    this.keptToShell.fill(0);
  }

  /**
   * The array that stores A(i, j) for an entry outside the reduced matrix, with its offset in
   * {@link ShellCondensedMatrix.located}; null when (i, j) lies outside the structure.
   */
  private locate(i: number, j: number): Float64Array | null {
    const node = this.nodeOf[i]!;
    if (node < 0 || node !== this.nodeOf[j]) return null;
    const shells = this.layout.shells;
    const li = this.localOf[i]!;
    const lj = this.localOf[j]!;
    if (this.reducedIndex[i]! >= 0) {
      this.located = (node * this.kept + li) * shells + lj;
      return this.keptToShell;
    }
    if (this.reducedIndex[j]! >= 0) {
      this.located = (node * shells + li) * this.kept + lj;
      return this.shellToKept;
    }
    this.located = node * shells + li;
    if (lj === li) return this.diag;
    if (lj === li - 1) return this.sub;
    return lj === li + 1 ? this.sup : null;
  }

  /** Adds `value` to A(i, j). */
  public add(i: number, j: number, value: number): void {
    const ri = this.reducedIndex[i]!;
    const rj = this.reducedIndex[j]!;
    if (ri >= 0 && rj >= 0) {
      this.reduced.add(ri, rj, value);
      return;
    }
    const storage = this.locate(i, j);
    if (storage === null) this.outsideStructure(i, j);
    storage[this.located]! += value;
  }

  /** Reads A(i, j) (0 outside the structure). Before factorisation only. */
  public get(i: number, j: number): number {
    const ri = this.reducedIndex[i]!;
    const rj = this.reducedIndex[j]!;
    if (ri >= 0 && rj >= 0) return this.reduced.get(ri, rj);
    const storage = this.locate(i, j);
    return storage === null ? 0 : storage[this.located]!;
  }

  /**
   * Factorises in place: shell blocks, Z = A_cc⁻¹ A_ck and the banded Schur complement.
   *
   * @returns 0 on success, else 1 + the full index of the first zero pivot.
   */
  public factor(): number {
    const { firstBlock, blocks, blockSize, shellOffset, shells } = this.layout;
    const kept = this.kept;
    for (let node = 0; node < blocks; node++) {
      const base = node * shells;
      const first = firstBlock + node * blockSize + shellOffset;
      for (let k = 0; k < shells; k++) {
        if (k > 0) {
          const m = this.sub[base + k]! / this.diag[base + k - 1]!;
          this.multiplier[base + k] = m;
          this.diag[base + k]! -= m * this.sup[base + k - 1]!;
        }
        const pivot = this.diag[base + k]!;
        if (pivot === 0 || !Number.isFinite(pivot)) return first + k + 1;
      }
      // Z = A_cc⁻¹ A_ck for the kept columns the shells reference; rows of A_kc in use.
      let columns = 0;
      let rows = 0;
      for (let p = 0; p < kept; p++) {
        let column = false;
        let row = false;
        for (let k = 0; k < shells; k++) {
          column ||= this.shellToKept[(base + k) * kept + p] !== 0;
          row ||= this.keptToShell[(node * kept + p) * shells + k] !== 0;
        }
        if (column) {
          this.usedColumns[node * kept + columns++] = p;
          this.solveChain(node, this.shellToKept, p, kept);
        }
        if (row) this.usedRows[node * kept + rows++] = p;
      }
      this.usedColumnCount[node] = columns;
      this.usedRowCount[node] = rows;
      // S_qp = A_kk(q, p) − Σ_k A_kc(q, k) Z(k, p).
      for (let a = 0; a < rows; a++) {
        const q = this.usedRows[node * kept + a]!;
        const row = (node * kept + q) * shells;
        for (let c = 0; c < columns; c++) {
          const p = this.usedColumns[node * kept + c]!;
          let sum = 0;
          for (let k = 0; k < shells; k++) {
            sum += this.keptToShell[row + k]! * this.shellToKept[(base + k) * kept + p]!;
          }
          this.reduced.add(
            this.keptReduced[node * kept + q]!,
            this.keptReduced[node * kept + p]!,
            -sum,
          );
        }
      }
    }
    const status = this.reduced.factor();
    return status === 0 ? 0 : this.fullIndex[status - 1]! + 1;
  }

  /** Solves A_cc x = v in place for one node; v is strided (element k at offset + k·stride). */
  private solveChain(node: number, v: Float64Array, offset: number, stride: number): void {
    const shells = this.layout.shells;
    const base = node * shells;
    const start = base * stride + offset;
    for (let k = 1, at = start + stride; k < shells; k++, at += stride) {
      v[at]! -= this.multiplier[base + k]! * v[at - stride]!;
    }
    let at = start + (shells - 1) * stride;
    v[at]! /= this.diag[base + shells - 1]!;
    for (let k = shells - 2; k >= 0; k--) {
      at -= stride;
      v[at] = (v[at]! - this.sup[base + k]! * v[at + stride]!) / this.diag[base + k]!;
    }
  }

  /** Solves A x = b in place (b becomes x) with the factors of {@link ShellCondensedMatrix.factor}. */
  public solve(b: Float64Array): void {
    const { firstBlock, blocks, blockSize, shellOffset, shells } = this.layout;
    const kept = this.kept;
    const rhs = this.reducedRhs;
    for (let r = 0; r < rhs.length; r++) rhs[r] = b[this.fullIndex[r]!]!;
    // y_c = A_cc⁻¹ b_c per node, then b_k − A_kc y_c.
    for (let node = 0; node < blocks; node++) {
      const first = firstBlock + node * blockSize + shellOffset;
      this.solveChain(node, b, first - node * shells, 1);
      for (let a = 0; a < this.usedRowCount[node]!; a++) {
        const q = this.usedRows[node * kept + a]!;
        const row = (node * kept + q) * shells;
        let sum = 0;
        for (let k = 0; k < shells; k++) sum += this.keptToShell[row + k]! * b[first + k]!;
        rhs[this.keptReduced[node * kept + q]!]! -= sum;
      }
    }
    this.reduced.solve(rhs);
    for (let r = 0; r < rhs.length; r++) b[this.fullIndex[r]!] = rhs[r]!;
    // x_c = y_c − Z x_k.
    for (let node = 0; node < blocks; node++) {
      const first = firstBlock + node * blockSize + shellOffset;
      const base = node * shells;
      for (let c = 0; c < this.usedColumnCount[node]!; c++) {
        const p = this.usedColumns[node * kept + c]!;
        const xp = rhs[this.keptReduced[node * kept + p]!]!;
        for (let k = 0; k < shells; k++)
          b[first + k]! -= this.shellToKept[(base + k) * kept + p]! * xp;
      }
    }
  }
}
