import { describe, expect, it } from 'vitest';
import { renderFigure } from './renderFigure.js';

describe(renderFigure, () => {
  it('renders a Vega-Lite bar chart to SVG with its data and to a PNG', async () => {
    const { svg, png } = await renderFigure({
      data: {
        values: [
          { phase: 'SE', volPct: 13.9 },
          { phase: 'carbon', volPct: 16.5 },
        ],
      },
      mark: 'bar',
      encoding: {
        x: { field: 'phase', type: 'nominal' },
        y: { field: 'volPct', type: 'quantitative', title: 'vol%' },
      },
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('carbon');
    expect(Array.from(png.slice(1, 4), (c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(png.length).toBeGreaterThan(1000);
  });
});
