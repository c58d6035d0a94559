// Maps of a sweep as Vega-Lite specs: Pareto fronts of two metrics (both maximised) and heat maps
// of a metric over the first two numeric axes, one panel per value of a text axis (e.g. carbon
// plugin); rendered to PNG + SVG by the reproduction's figure renderer, specs kept beside them.
import { join } from 'node:path';
import { writeFileAtomic } from '@solidcell/microstructure/node';
import type { TopLevelSpec } from 'vega-lite';
import type { FigureSpec } from '../figures/paperFigures.js';
import { rateCapacityColumn } from './pointMetrics.js';
import type { PointRecord } from './resultStore.js';

/** A point of a metric plane. */
interface PlanePoint {
  readonly x: number;
  readonly y: number;
}

/**
 * Indices of the points no other point beats in both coordinates (both maximised), by x.
 * O(n log n): sort by x descending, keep each point whose y exceeds every y seen so far.
 */
export function paretoFront(points: readonly PlanePoint[]): number[] {
  const order = points
    .map((point, index) => ({ ...point, index }))
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .sort((a, b) => b.x - a.x || b.y - a.y);
  const front: number[] = [];
  let bestY = Number.NEGATIVE_INFINITY;
  for (const point of order) {
    if (point.y > bestY) {
      front.push(point.index);
      bestY = point.y;
    }
  }
  return front.reverse();
}

const LABELS: Record<string, string> = {
  specificEnergy_Wh_per_kg: 'specific energy (Wh/kg electrode)',
  energyDensity_Wh_per_L: 'energy density (Wh/L electrode)',
  retention_pct: 'capacity retention (%)',
  irreversibleCapacity_mAh_per_g: 'irreversible capacity (mAh/g)',
  initialCoulombicEfficiency_pct: 'initial Coulombic efficiency (%)',
  seOxidised_pct: 'SE oxidised (%)',
};

function label(column: string): string {
  const rate = /^dischargeCapacity_(.+)C_mAh_per_g$/.exec(column);
  if (rate) return `discharge capacity at ${rate[1]!.replace('p', '.')}C (mAh/g)`;
  return LABELS[column] ?? column;
}

/** Axis columns by kind: numeric ones (heat-map axes) and text ones (panels, colours). */
function axisColumns(rows: readonly PointRecord[]) {
  // The last input is the balance mass fraction (designPoints.ts), set by the others: no axis.
  const columns = Object.keys(rows[0]?.inputs ?? {}).slice(0, -1);
  const numeric = columns.filter((c) => rows.every((r) => typeof r.inputs[c] === 'number'));
  const varying = (c: string) => new Set(rows.map((r) => r.inputs[c])).size > 1;
  return {
    numeric: numeric.filter(varying),
    text: columns.filter((c) => !numeric.includes(c) && varying(c)),
  };
}

function hasValues(rows: readonly PointRecord[], metric: string): boolean {
  return rows.some((r) => Number.isFinite(r.metrics[metric]));
}

function paretoFigure(
  rows: readonly PointRecord[],
  x: string,
  y: string,
  group?: string,
): FigureSpec {
  const front = new Set(
    paretoFront(
      rows.map((r) => ({ x: r.metrics[x] ?? Number.NaN, y: r.metrics[y] ?? Number.NaN })),
    ),
  );
  const values = rows
    .map((r, i) => ({
      x: r.metrics[x],
      y: r.metrics[y],
      group: group ? String(r.inputs[group]) : 'all',
      pareto: front.has(i),
      ...r.inputs,
    }))
    .filter((v) => Number.isFinite(v.x) && Number.isFinite(v.y));
  const spec = {
    title: `Pareto front: ${label(x)} vs ${label(y)}`,
    width: 420,
    height: 280,
    data: { values },
    layer: [
      {
        mark: { type: 'point', filled: true, opacity: 0.7 },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: label(x), scale: { zero: false } },
          y: { field: 'y', type: 'quantitative', title: label(y), scale: { zero: false } },
          color: { field: 'group', type: 'nominal', title: group ?? '' },
          tooltip: Object.keys(rows[0]?.inputs ?? {}).map((field) => ({ field })),
        },
      },
      {
        transform: [{ filter: 'datum.pareto' }],
        mark: { type: 'line', color: '#c0392b', point: { color: '#c0392b' } },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
          order: { field: 'x', type: 'quantitative' },
        },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    id: `pareto-${x}-vs-${y}`,
    caption: `Pareto front (red) of ${label(x)} and ${label(y)}, both maximised; every computed point shown.`,
    spec,
  };
}

function heatMapFigure(
  rows: readonly PointRecord[],
  metric: string,
  x: string,
  y: string,
  panel?: string,
): FigureSpec {
  const values = rows
    .filter((r) => Number.isFinite(r.metrics[metric]))
    .map((r) => ({
      x: r.inputs[x],
      y: r.inputs[y],
      value: r.metrics[metric],
      panel: panel ? String(r.inputs[panel]) : '',
    }));
  const grid =
    new Set(values.map((v) => v.x)).size * new Set(values.map((v) => v.y)).size <=
    4 * values.length;
  const encoding = {
    x: { field: 'x', type: grid ? 'ordinal' : 'quantitative', title: x },
    y: { field: 'y', type: grid ? 'ordinal' : 'quantitative', title: y, sort: 'descending' },
    color: {
      field: 'value',
      type: 'quantitative',
      title: label(metric),
      scale: { scheme: 'viridis' },
    },
    tooltip: [{ field: 'x' }, { field: 'y' }, { field: 'value', format: '.4g' }],
  };
  const spec = {
    title: `${label(metric)} over ${x} × ${y}`,
    data: { values },
    ...(panel
      ? {
          facet: { column: { field: 'panel', title: panel } },
          spec: {
            width: 220,
            height: 200,
            mark: grid ? 'rect' : { type: 'circle', size: 60 },
            encoding,
          },
        }
      : { width: 300, height: 220, mark: grid ? 'rect' : { type: 'circle', size: 60 }, encoding }),
  } as unknown as TopLevelSpec;
  return {
    id: `heatmap-${metric}`,
    caption: `${label(metric)} over ${x} and ${y}${panel ? `, one panel per ${panel}` : ''}.`,
    spec,
  };
}

/** The figures a set of stored points supports (failed points are left out). */
export function sweepFigures(allRows: readonly PointRecord[]): FigureSpec[] {
  const rows = allRows.filter((r) => r.status === 'done');
  if (rows.length === 0) return [];
  const { numeric, text } = axisColumns(rows);
  const group = text[0];
  const rateColumns = Object.keys(rows[0]!.metrics).filter((c) => /^dischargeCapacity_/.test(c));
  const fastest = rateColumns.at(-1) ?? rateCapacityColumn(1);
  const energy = 'specificEnergy_Wh_per_kg';
  const figures: FigureSpec[] = [];
  for (const other of ['retention_pct', fastest]) {
    if (hasValues(rows, energy) && hasValues(rows, other))
      figures.push(paretoFigure(rows, energy, other, group));
  }
  const [x, y] = numeric;
  if (x !== undefined && y !== undefined) {
    for (const metric of [energy, fastest, 'irreversibleCapacity_mAh_per_g', 'retention_pct']) {
      if (hasValues(rows, metric)) figures.push(heatMapFigure(rows, metric, x, y, group));
    }
  }
  return figures;
}

/** Renders the figures of a sweep into `figuresDir` (PNG, SVG, Vega-Lite); returns their ids. */
export async function writeSweepFigures(
  rows: readonly PointRecord[],
  figuresDir: string,
): Promise<string[]> {
  const figures = sweepFigures(rows);
  const { renderFigure } = await import('../figures/renderFigure.js');
  for (const figure of figures) {
    const { svg, png } = await renderFigure(figure.spec);
    writeFileAtomic(join(figuresDir, `${figure.id}.svg`), svg);
    writeFileAtomic(join(figuresDir, `${figure.id}.png`), png);
    writeFileAtomic(
      join(figuresDir, `${figure.id}.vl.json`),
      `${JSON.stringify(figure.spec, null, 2)}\n`,
    );
  }
  return figures.map((figure) => figure.id);
}
