import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShellCondensedMatrix, type ShellLayout } from './ShellCondensedMatrix.js';

/** Deterministic pseudo-random numbers in [−0.5, 0.5) from a seed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  };
}

/**
 * A random matrix with the cell's structure: separator unknowns, node blocks whose kept
 * unknowns couple to the neighbouring blocks, a column-diagonally-dominant tridiagonal shell
 * chain per node coupled to two kept unknowns of its own node, and a trailing unknown.
 */
function randomCellMatrix(layout: ShellLayout, rand: () => number): number[][] {
  const { size, firstBlock, blocks, blockSize, shellOffset, shells } = layout;
  const a = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const isShell = (i: number) => {
    const rel = i - firstBlock;
    if (rel < 0 || rel >= blocks * blockSize) return false;
    const k = (rel % blockSize) - shellOffset;
    return k >= 0 && k < shells;
  };
  const kept = blockSize - shells;
  const reduced: number[] = [];
  for (let i = 0, r = 0; i < size; i++) reduced.push(isShell(i) ? -1 : r++);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const ri = reduced[i]!;
      const rj = reduced[j]!;
      // kept unknowns within one kept block of each other (the band of the reduced system)
      if (ri >= 0 && rj >= 0 && Math.abs(ri - rj) <= kept) a[i]![j] = rand() + (i === j ? 3 : 0);
    }
  }
  for (let node = 0; node < blocks; node++) {
    const first = firstBlock + node * blockSize + shellOffset;
    for (let k = 0; k < shells; k++) {
      const off = 0.4 * (rand() + 0.5);
      if (k > 0) a[first + k]![first + k - 1] = -off;
      if (k + 1 < shells) a[first + k]![first + k + 1] = -0.4 * (rand() + 0.5);
      a[first + k]![first + k] = 1 + 2 * (rand() + 0.5);
    }
    const coupledColumn =
      firstBlock + node * blockSize + (shellOffset > 0 ? shellOffset - 1 : blockSize - 1);
    const coupledRow = firstBlock + node * blockSize + (shellOffset > 0 ? 0 : shells);
    a[first + shells - 1]![coupledColumn] = rand();
    a[coupledRow]![first + shells - 1] = rand();
    a[coupledRow]![first] = rand();
  }
  return a;
}

function product(a: number[][], x: Float64Array): Float64Array {
  return Float64Array.from(a, (row) => row.reduce((s, v, j) => s + v * x[j]!, 0));
}

describe('ShellCondensedMatrix', () => {
  it('solves random cell-structured systems like a dense solve (residual ≤ 1e-11 ‖A‖‖x‖)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (separator, blocks, keptPerBlock, shells, offsetDraw, seed) => {
          const blockSize = keptPerBlock + shells;
          const shellOffset = Math.min(offsetDraw, keptPerBlock);
          const layout = {
            size: separator + blocks * blockSize + 1,
            firstBlock: separator,
            blocks,
            blockSize,
            shellOffset,
            shells,
          };
          const dense = randomCellMatrix(layout, generator(seed));
          const matrix = new ShellCondensedMatrix(layout);
          dense.forEach((row, i) => {
            row.forEach((v, j) => {
              if (v !== 0) matrix.add(i, j, v);
            });
          });
          for (let i = 0; i < layout.size; i++) {
            for (let j = 0; j < layout.size; j++) expect(matrix.get(i, j)).toBe(dense[i]![j]);
          }
          const rand = generator(seed + 7);
          const x = Float64Array.from({ length: layout.size }, () => rand());
          const b = product(dense, x);
          if (matrix.factor() !== 0) return; // singular draw of the kept part
          matrix.solve(b);
          const residual = product(dense, b);
          const rhs = product(dense, x);
          const normA = Math.max(...dense.map((r) => r.reduce((s, v) => s + Math.abs(v), 0)));
          const normX = Math.max(...b.map(Math.abs));
          for (let i = 0; i < layout.size; i++) {
            expect(Math.abs(residual[i]! - rhs[i]!)).toBeLessThanOrEqual(1e-11 * normA * normX);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses entries that couple a shell outside its node chain', () => {
    const layout = { size: 12, firstBlock: 1, blocks: 2, blockSize: 5, shellOffset: 2, shells: 3 };
    const matrix = new ShellCondensedMatrix(layout);
    // shell 0 of node 0 (index 3) with shell 2 of node 0 (index 5): not neighbours
    expect(() => matrix.add(3, 5, 1)).toThrow(/outside its node's tridiagonal chain/);
    // shell of node 0 with a kept unknown of node 1
    expect(() => matrix.add(3, 6, 1)).toThrow(/outside its node's tridiagonal chain/);
    expect(() => new ShellCondensedMatrix({ ...layout, shells: 6 })).toThrow(
      /inside the node block/,
    );
  });

  it('reports a zero shell pivot by its full index', () => {
    const layout = { size: 5, firstBlock: 0, blocks: 1, blockSize: 4, shellOffset: 1, shells: 3 };
    const matrix = new ShellCondensedMatrix(layout);
    for (let i = 0; i < 5; i++) matrix.add(i, i, i === 2 ? 0 : 1);
    expect(matrix.factor()).toBe(3);
  });
});
