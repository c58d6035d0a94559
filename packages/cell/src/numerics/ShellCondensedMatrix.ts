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
  private readonly sub: Float64Array; // A_cc(k, k−1), blocks × shells
  private readonly diag: Float64Array; // A_cc(k, k); after factor: U(k, k)
  private readonly sup: Float64Array; // A_cc(k, k+1)
  private readonly multiplier: Float64Array; // L(k, k−1) after factor
  private readonly shellToKept: Float64Array; // A_ck, blocks × shells × kept; after factor: Z
  private readonly keptToShell: Float64Array; // A_kc, blocks × kept × shells
  private readonly usedColumn: Uint8Array; // blocks × kept: column p of A_ck has a non-zero
  private readonly reducedRhs: Float64Array;

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
    let r = 0;
    for (let i = 0; i < size; i++) {
      if (this.shellOf(i) >= 0) continue;
      this.reducedIndex[i] = r;
      this.fullIndex[r++] = i;
    }
    this.sub = new Float64Array(blocks * shells);
    this.diag = new Float64Array(blocks * shells);
    this.sup = new Float64Array(blocks * shells);
    this.multiplier = new Float64Array(blocks * shells);
    this.shellToKept = new Float64Array(blocks * shells * this.kept);
    this.keptToShell = new Float64Array(blocks * this.kept * shells);
    this.usedColumn = new Uint8Array(blocks * this.kept);
    this.reducedRhs = new Float64Array(reducedSize);
  }

  /** Shell number of unknown i within its chain, −1 when i is not a shell unknown. */
  private shellOf(i: number): number {
    const { firstBlock, blocks, blockSize, shellOffset, shells } = this.layout;
    const rel = i - firstBlock;
    if (rel < 0 || rel >= blocks * blockSize) return -1;
    const k = (rel % blockSize) - shellOffset;
    return k >= 0 && k < shells ? k : -1;
  }

  /** Node block of unknown i (which must lie inside the electrode blocks). */
  private blockOf(i: number): number {
    return Math.floor((i - this.layout.firstBlock) / this.layout.blockSize);
  }

  /** Position of kept unknown i inside its node block's kept unknowns, −1 outside block `node`. */
  private keptLocal(i: number, node: number): number {
    const { firstBlock, blockSize, shellOffset, shells } = this.layout;
    const local = i - firstBlock - node * blockSize;
    if (local < 0 || local >= blockSize) return -1;
    return local < shellOffset ? local : local - shells;
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

  /** Adds `value` to A(i, j). */
  public add(i: number, j: number, value: number): void {
    const ri = this.reducedIndex[i]!;
    const rj = this.reducedIndex[j]!;
    if (ri >= 0 && rj >= 0) {
      this.reduced.add(ri, rj, value);
      return;
    }
    const shells = this.layout.shells;
    if (ri < 0 && rj < 0) {
      const node = this.blockOf(i);
      const ki = this.shellOf(i);
      const kj = this.shellOf(j);
      if (node !== this.blockOf(j) || Math.abs(ki - kj) > 1) this.outsideStructure(i, j);
      const at = node * shells + ki;
      if (kj === ki) this.diag[at]! += value;
      else if (kj < ki) this.sub[at]! += value;
      else this.sup[at]! += value;
      return;
    }
    if (ri < 0) {
      const node = this.blockOf(i);
      const p = this.keptLocal(j, node);
      if (p < 0) this.outsideStructure(i, j);
      this.shellToKept[(node * shells + this.shellOf(i)) * this.kept + p]! += value;
      return;
    }
    const node = this.blockOf(j);
    const q = this.keptLocal(i, node);
    if (q < 0) this.outsideStructure(i, j);
    this.keptToShell[(node * this.kept + q) * shells + this.shellOf(j)]! += value;
  }

  /** Reads A(i, j) (0 outside the structure). Before factorisation only. */
  public get(i: number, j: number): number {
    const ri = this.reducedIndex[i]!;
    const rj = this.reducedIndex[j]!;
    if (ri >= 0 && rj >= 0) return this.reduced.get(ri, rj);
    const shells = this.layout.shells;
    if (ri < 0 && rj < 0) {
      const node = this.blockOf(i);
      const ki = this.shellOf(i);
      const kj = this.shellOf(j);
      if (node !== this.blockOf(j) || Math.abs(ki - kj) > 1) return 0;
      const at = node * shells + ki;
      return kj === ki ? this.diag[at]! : kj < ki ? this.sub[at]! : this.sup[at]!;
    }
    if (ri < 0) {
      const node = this.blockOf(i);
      const p = this.keptLocal(j, node);
      return p < 0 ? 0 : this.shellToKept[(node * shells + this.shellOf(i)) * this.kept + p]!;
    }
    const node = this.blockOf(j);
    const q = this.keptLocal(i, node);
    return q < 0 ? 0 : this.keptToShell[(node * this.kept + q) * shells + this.shellOf(j)]!;
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
      // Z = A_cc⁻¹ A_ck, column by column (only columns the shells reference).
      for (let p = 0; p < kept; p++) {
        let used = 0;
        for (let k = 0; k < shells; k++) {
          if (this.shellToKept[(base + k) * kept + p] !== 0) used = 1;
        }
        this.usedColumn[node * kept + p] = used;
        if (used === 1) this.solveChain(node, this.shellToKept, p, kept);
      }
      // S_qp = A_kk(q, p) − Σ_k A_kc(q, k) Z(k, p).
      for (let q = 0; q < kept; q++) {
        const row = (node * kept + q) * shells;
        let any = false;
        for (let k = 0; k < shells && !any; k++) any = this.keptToShell[row + k] !== 0;
        if (!any) continue;
        const ri = this.reducedIndex[this.fullOf(node, q)]!;
        for (let p = 0; p < kept; p++) {
          if (this.usedColumn[node * kept + p] === 0) continue;
          let s = 0;
          for (let k = 0; k < shells; k++) {
            s += this.keptToShell[row + k]! * this.shellToKept[(base + k) * kept + p]!;
          }
          this.reduced.add(ri, this.reducedIndex[this.fullOf(node, p)]!, -s);
        }
      }
    }
    const status = this.reduced.factor();
    return status === 0 ? 0 : this.fullIndex[status - 1]! + 1;
  }

  /** Full index of kept-local unknown p of a node block. */
  private fullOf(node: number, p: number): number {
    const { firstBlock, blockSize, shellOffset, shells } = this.layout;
    return firstBlock + node * blockSize + (p < shellOffset ? p : p + shells);
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
      for (let q = 0; q < kept; q++) {
        const row = (node * kept + q) * shells;
        let s = 0;
        for (let k = 0; k < shells; k++) s += this.keptToShell[row + k]! * b[first + k]!;
        if (s !== 0) rhs[this.reducedIndex[this.fullOf(node, q)]!]! -= s;
      }
    }
    this.reduced.solve(rhs);
    for (let r = 0; r < rhs.length; r++) b[this.fullIndex[r]!] = rhs[r]!;
    // x_c = y_c − Z x_k.
    for (let node = 0; node < blocks; node++) {
      const first = firstBlock + node * blockSize + shellOffset;
      const base = node * shells;
      for (let p = 0; p < kept; p++) {
        if (this.usedColumn[node * kept + p] === 0) continue;
        const xp = b[this.fullOf(node, p)]!;
        for (let k = 0; k < shells; k++)
          b[first + k]! -= this.shellToKept[(base + k) * kept + p]! * xp;
      }
    }
  }
}
