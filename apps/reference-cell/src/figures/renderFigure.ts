// Renders a declarative Vega-Lite figure spec to SVG (vega, headless) and PNG (resvg with the
// DejaVu Sans font shipped by `dejavu-fonts-ttf`, so text renders the same on every machine).
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

const require = createRequire(import.meta.url);
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
);

/** A figure as both vector and raster images. */
export interface RenderedFigure {
  readonly svg: string;
  readonly png: Uint8Array;
}

/** Shared look of every SolidCell figure. */
export const FIGURE_CONFIG = {
  font: 'DejaVu Sans',
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridOpacity: 0.4 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14, anchor: 'start' as const },
  background: 'white',
};

/** Compiles a Vega-Lite spec and renders it to SVG and PNG (2× scale). */
export async function renderFigure(spec: TopLevelSpec): Promise<RenderedFigure> {
  const compiled = compile({
    ...spec,
    config: { ...FIGURE_CONFIG, ...(spec.config ?? {}) },
  } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const png = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: 2 },
      font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    })
      .render()
      .asPng();
    return { svg, png };
  } finally {
    view.finalize();
  }
}
