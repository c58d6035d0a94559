import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { squaredDistanceTransform } from './distanceTransform.js';

function bruteForce(n: number, feature: Uint8Array, periodic: boolean): Float32Array {
  const out = new Float32Array(n ** 3).fill(1e20);
  const d = (a: number, b: number) => {
    const raw = Math.abs(a - b);
    return periodic ? Math.min(raw, n - raw) : raw;
  };
  for (let i = 0; i < n ** 3; i++) {
    for (let j = 0; j < n ** 3; j++) {
      if (!feature[j]) continue;
      const dx = d(i % n, j % n);
      const dy = d(Math.floor(i / n) % n, Math.floor(j / n) % n);
      const dz = d(Math.floor(i / n / n), Math.floor(j / n / n));
      out[i] = Math.min(out[i]!, dx * dx + dy * dy + dz * dz);
    }
  }
  return out;
}

describe(squaredDistanceTransform, () => {
  it('equals brute-force squared distances on random 6³ grids (walled and periodic)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 216, maxLength: 216, min: 0, max: 12 }),
        fc.boolean(),
        (raw, periodic) => {
          const feature = raw.map((v) => (v === 0 ? 1 : 0));
          const grid = { nx: 6, ny: 6, nz: 6, periodic };
          expect(Array.from(squaredDistanceTransform(grid, feature))).toEqual(
            Array.from(bruteForce(6, feature, periodic)),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
