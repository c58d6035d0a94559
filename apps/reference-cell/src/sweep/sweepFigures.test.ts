// Sweep maps: the Pareto front (no front point dominated, every other point dominated by one on
// the front) and which figures a set of stored points supports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PointRecord } from './resultStore.js';
import { paretoFront, sweepFigures } from './sweepFigures.js';

const dominates = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  a.x >= b.x && a.y >= b.y && (a.x > b.x || a.y > b.y);

describe('paretoFront', () => {
  it('keeps exactly the non-dominated points (property)', () => {
    const point = fc.record({
      x: fc.integer({ min: 0, max: 20 }),
      y: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 40 }), (points) => {
        const front = new Set(paretoFront(points));
        points.forEach((p, i) => {
          const dominated = points.some((q) => dominates(q, p));
          if (front.has(i)) expect(dominated).toBe(false);
          else if (!dominated) {
            // An exact duplicate of a front point is left out once.
            expect(points.some((q, j) => front.has(j) && q.x === p.x && q.y === p.y)).toBe(true);
          }
        });
      }),
    );
  });

  it('returns the front ordered by x and ignores non-finite points', () => {
    const points = [
      { x: 1, y: 5 },
      { x: 3, y: 1 },
      { x: 2, y: 2 },
      { x: 2, y: 1 },
      { x: Number.NaN, y: 9 },
    ];
    expect(paretoFront(points)).toEqual([0, 2, 1]);
  });
});

describe('sweepFigures', () => {
  const row = (ncm: number, carbon: number, id: string, energy: number): PointRecord => ({
    key: `${ncm}-${carbon}-${id}`,
    index: 0,
    status: 'done',
    inputs: {
      'massFractions_wtPct.ncm': ncm,
      'massFractions_wtPct.carbon': carbon,
      'plugins.carbon.id': id,
      'massFractions_wtPct.se': 100 - ncm - carbon,
    },
    metrics: {
      specificEnergy_Wh_per_kg: energy,
      dischargeCapacity_1C_mAh_per_g: 100 - carbon,
      irreversibleCapacity_mAh_per_g: 20 + carbon,
      retention_pct: null,
    },
    error: null,
    seconds: 0,
    solidcell: '0.1.0',
  });
  const rows = [70, 90].flatMap((ncm) =>
    [0, 3].flatMap((carbon) => ['sc', 'cf'].map((id) => row(ncm, carbon, id, ncm * 6 + carbon))),
  );

  it('draws Pareto fronts and heat maps over the two numeric axes, a panel per text axis', () => {
    const figures = sweepFigures([
      ...rows,
      { ...rows[0]!, key: 'x', status: 'failed', metrics: {} },
    ]);
    expect(figures.map((f) => f.id)).toEqual([
      'pareto-specificEnergy_Wh_per_kg-vs-dischargeCapacity_1C_mAh_per_g',
      'heatmap-specificEnergy_Wh_per_kg',
      'heatmap-dischargeCapacity_1C_mAh_per_g',
      'heatmap-irreversibleCapacity_mAh_per_g',
    ]);
    const heat = figures[1]!.spec as unknown as {
      facet: { column: { field: string } };
      data: { values: unknown[] };
    };
    expect(heat.facet.column.field).toBe('panel');
    expect(heat.data.values).toHaveLength(8);
  });

  it('draws nothing without computed points', () => {
    expect(sweepFigures([])).toEqual([]);
  });
});
