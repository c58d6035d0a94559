import { describe, expect, it } from 'vitest';
import { cellTasks, microstructureTasks, relativeCost, studySettings } from './studyPlan.js';

describe('relativeCost (longest-first scheduling)', () => {
  const settings = studySettings(false, 1);

  it('ranks the voxel electrodes near the carbon percolation threshold first', () => {
    const order = [...microstructureTasks(settings)]
      .sort((a, b) => relativeCost(b) - relativeCost(a))
      .map((task) => task.series);
    expect(order.slice(0, 2).sort()).toEqual(['dry_sc1', 'ncm90_sc1']);
    expect(order.at(-1)).toBe('ncm90_sc0');
  });

  it('ranks the long cycling runs above every other cell experiment', () => {
    const tasks = cellTasks(settings, { ionicExponent: 1.65, ionicThreshold: 0 }, {});
    const ranked = [...tasks].sort((a, b) => relativeCost(b) - relativeCost(a));
    expect(
      ranked
        .slice(0, 2)
        .map((task) => task.series)
        .sort(),
    ).toEqual(['dry_cf1_longcycle', 'dry_sc1_longcycle']);
    expect(ranked.at(-1)?.kind).toBe('cv');
  });
});
