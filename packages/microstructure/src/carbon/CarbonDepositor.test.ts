import { PhaseLabel } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { CarbonDepositor } from './CarbonDepositor.js';

function setup(n: number, target: number, periodic = true) {
  const labels = new Uint8Array(n ** 3).fill(PhaseLabel.se);
  const carbonFraction = new Float32Array(n ** 3);
  const grid = { nx: n, ny: n, nz: n, periodic };
  return {
    labels,
    carbonFraction,
    depositor: new CarbonDepositor(grid, labels, carbonFraction, target),
  };
}

const sum = (a: Float32Array) => a.reduce((s, v) => s + v, 0);

describe(CarbonDepositor, () => {
  it('conserves the volume of a sub-voxel sphere (r = 0.3 voxel) and of a thin tube (r = 0.3, L = 10)', () => {
    const { carbonFraction, depositor } = setup(16, 1e9);
    const sphere = depositor.depositSphere(8.2, 8.7, 3.1, 0.3);
    expect(sphere).toBeCloseTo((4 / 3) * Math.PI * 0.027, 5);
    const tube = depositor.depositTube([2.5, 2.5, 10, 12.5, 2.5, 10], 0.3);
    expect(tube).toBeCloseTo(Math.PI * 0.09 * 10, 5);
    expect(sum(carbonFraction)).toBeCloseTo(sphere + tube, 4);
  });

  it('wraps a sphere across a periodic face without losing volume', () => {
    const { depositor } = setup(12, 1e9);
    expect(depositor.depositSphere(0.1, 0.2, 11.9, 2.5)).toBeCloseTo(
      (4 / 3) * Math.PI * 2.5 ** 3,
      3,
    );
  });

  it('stops exactly at the target and keeps every voxel fraction in [0, 1]', () => {
    const { carbonFraction, labels, depositor } = setup(10, 50.5);
    for (let k = 0; k < 20 && !depositor.done; k++) depositor.depositSphere(5, 5, 5 + (k % 3), 2);
    expect(depositor.deposited).toBeCloseTo(50.5, 3);
    depositor.finalize();
    let total = 0;
    for (let i = 0; i < labels.length; i++) {
      expect(carbonFraction[i]).toBeGreaterThanOrEqual(0);
      expect(carbonFraction[i]).toBeLessThanOrEqual(1);
      total += labels[i] === PhaseLabel.carbon ? 1 : carbonFraction[i]!;
    }
    expect(total).toBeCloseTo(50.5, 3);
  });

  it('never writes carbon into NCM voxels', () => {
    const { labels, carbonFraction, depositor } = setup(10, 1e9);
    for (let i = 0; i < labels.length; i += 2) labels[i] = PhaseLabel.ncm;
    depositor.depositSphere(5, 5, 5, 3);
    for (let i = 0; i < labels.length; i += 2) expect(carbonFraction[i]).toBe(0);
  });
});
