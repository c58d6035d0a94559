import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BandedMatrix } from './BandedMatrix.js';

function denseProduct(entries: number[][], x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    let s = 0;
    for (let j = 0; j < x.length; j++) s += entries[i]![j]! * x[j]!;
    out[i] = s;
  }
  return out;
}

describe('BandedMatrix', () => {
  it('solves random banded systems (zero diagonal allowed, pivoting) with residual ≤ 1e-11 ‖A‖‖x‖', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (n, lower, upper, seed) => {
          let state = seed;
          const rand = () => {
            state = (state * 1103515245 + 12345) % 2147483648;
            return state / 2147483648 - 0.5;
          };
          const matrix = new BandedMatrix(n, lower, upper);
          const dense = Array.from({ length: n }, () => new Array<number>(n).fill(0));
          for (let i = 0; i < n; i++) {
            for (let j = Math.max(0, i - lower); j <= Math.min(n - 1, i + upper); j++) {
              // Zero diagonal every third row forces pivoting; add weight off-diagonal.
              const v = i === j && i % 3 === 1 ? 0 : rand() + (i === j ? 2 : 0);
              dense[i]![j] = v;
              matrix.add(i, j, v);
            }
          }
          const x = Float64Array.from({ length: n }, () => rand());
          const b = denseProduct(dense, x);
          const info = matrix.factor();
          if (info !== 0) return; // singular draw: nothing to compare
          matrix.solve(b);
          const ax = denseProduct(dense, b);
          let normA = 0;
          let normX = 0;
          for (let i = 0; i < n; i++) {
            normA = Math.max(
              normA,
              dense[i]!.reduce((s, v) => s + Math.abs(v), 0),
            );
            normX = Math.max(normX, Math.abs(b[i]!));
          }
          const rhs = denseProduct(dense, x);
          for (let i = 0; i < n; i++) {
            expect(Math.abs(ax[i]! - rhs[i]!)).toBeLessThanOrEqual(1e-11 * normA * normX + 1e-300);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports a singular matrix through a non-zero return code', () => {
    const m = new BandedMatrix(3, 1, 1);
    m.add(0, 0, 1);
    m.add(1, 1, 0);
    m.add(2, 2, 1);
    expect(m.factor()).toBe(2);
  });
});
