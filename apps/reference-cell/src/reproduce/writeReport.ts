// Writes a study's outputs atomically: report.json (schema-validated), report.md with the
// calibration targets next to the simulated values, figures (SVG, PNG, Vega-Lite spec) and CSVs.
import { join } from 'node:path';
import { toMilliampHoursPerSquareCm } from '@solidcell/core';
import {
  encodePng,
  PHASE_COLOURS,
  upscaleRgb,
  writeFileAtomic,
} from '@solidcell/microstructure/node';
import { type FigureSpec, paperFigures } from '../figures/paperFigures.js';
import { PAPER_SETTINGS } from '../studies/paperSettings.js';
import type { RateResult } from '../studies/runRate.js';
import {
  ASSUMED_PARAMETERS,
  assumedParameterId,
  type SensitivityOutputs,
} from '../studies/runSensitivity.js';
import { SOLIDCELL_VERSION } from '../version.js';
import { BUDGET_ITEMS, type Metric, type StepNotRun, stepsNotRun } from './buildMetrics.js';
import { REPORT_SCHEMA_VERSION, type Report, reportSchema } from './reportSchema.js';
import type { MicrostructureTaskResult } from './runExperiment.js';
import type { StudyResults } from './runStudy.js';
import { LOADING_SERIES_MARKER } from './studyPlan.js';

function csv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) =>
    typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  return `${[header, ...rows].map((row) => row.map(cell).join(',')).join('\n')}\n`;
}

function slicePng(slice: MicrostructureTaskResult['slice']): Uint8Array {
  const rgb = new Uint8Array(slice.width * slice.height * 3);
  slice.labels.forEach((label, i) => {
    const colour = PHASE_COLOURS[label] ?? [255, 0, 255];
    const keep = 1 - (slice.carbonFraction[i] ?? 0);
    rgb.set(
      colour.map((c) => Math.round(c * keep)),
      3 * i,
    );
  });
  const scale = Math.max(1, Math.ceil(384 / slice.width));
  const big = upscaleRgb({ width: slice.width, height: slice.height, rgb }, scale);
  return encodePng(big.width, big.height, big.rgb);
}

const fmt = (value: number | undefined, digits = 1): string =>
  value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);

function rateTable(rows: readonly (readonly [string, RateResult])[]): string[] {
  const rates = rows[0]?.[1].rate ?? [];
  return [
    `| electrode | ${rates.map((p) => `${p.cRate}C`).join(' | ')} |`,
    `|---|${rates.map(() => '---').join('|')}|`,
    ...rows.map(
      ([id, r]) =>
        `| ${id} | ${r.rate.map((p) => (p.dischargeMahG === null ? 'did not run' : fmt(p.dischargeMahG))).join(' | ')} |`,
    ),
  ];
}

function sensitivityTable(study: StudyResults): string[] {
  return Object.entries(study.sensitivity).flatMap(([id, result]) => {
    const cells = (o: SensitivityOutputs | null) =>
      o === null
        ? 'did not run'
        : `${fmt(o.irreversibleMahG)} / ${fmt(o.formationCePct)} / ${o.oneCDischargeMahG === null ? '1C did not start' : fmt(o.oneCDischargeMahG)} / ${fmt(o.contactLostPct, 2)}`;
    return [
      `## Sensitivity to the assumption-grade parameters (${id}, coarse mesh)`,
      '',
      'Each parameter at the low / high end of its literature range, the others at their defaults; outputs: formation irreversible capacity (mAh/g), formation CE (%), 1C discharge after a 0.1C charge (mAh/g), NCM|SE contact lost by the end (%).',
      '',
      `Baseline: ${cells(result.baseline)}`,
      '',
      '| parameter | range | source | low: irr. / CE / 1C / contact lost | high: irr. / CE / 1C / contact lost |',
      '|---|---|---|---|---|',
      ...ASSUMED_PARAMETERS.map((p) => {
        const row = result.rows[assumedParameterId(p)];
        const range = p.range.map((v) => v.toPrecision(2)).join('–');
        const outcome =
          row === undefined ? 'not run | not run' : `${cells(row.low)} | ${cells(row.high)}`;
        return `| ${assumedParameterId(p)} | ${range} | ${p.source} | ${outcome} |`;
      }),
      '',
    ];
  });
}

function markdown(
  study: StudyResults,
  metrics: Readonly<Record<string, Metric>>,
  figures: readonly FigureSpec[],
  omitted: readonly string[],
  notRun: readonly StepNotRun[],
): string {
  const m = (id: string, digits = 1) => fmt(metrics[id]?.value, digits);
  const f = study.formation;
  const ionic80 = metrics['conductivity.ionic_s_per_m.ncm80_sc3']?.value ?? Number.NaN;
  const ionic90 = metrics['conductivity.ionic_s_per_m.ncm90_sc3']?.value ?? Number.NaN;
  const s = study.settings;
  const lines = [
    '# SolidCell reproduction of Kim et al., Adv. Funct. Mater. 2024',
    '',
    `SolidCell ${SOLIDCELL_VERSION}, ${s.quick ? 'quick' : 'default'} settings: seed ${s.seed}, voxel grids ${s.voxels}³ at ${s.voxelSize_m * 1e6} µm (axes ${s.axes.join(', ')}), ${s.cyclingCycles} cycles at 0.5C, ${s.longCycleCycles} cycles at 0.2C/60 °C. ` +
      `${study.experiments.computed} experiments computed, ${study.experiments.cached} taken from the cache. Voltages are vs Li-In (Li-In = 0.62 V vs Li/Li⁺).`,
    '',
    "Every number below was computed by the model in this run. The paper's values appear only in the calibration-target column (model.md §4); everything else is a prediction.",
    '',
    '## Calibration targets (model.md §4)',
    '',
    '| # | quantity | target | simulated |',
    '|---|---|---|---|',
    `| 1 | SE vol% at 80/17/3 and 90/7/3 wt% SC | 30.0 / 13.9 | ${m('composition.se_vol_pct.ncm80_sc3')} / ${m('composition.se_vol_pct.ncm90_sc3')} |`,
    `| 2 | σ_ion(90 wt%) / σ_ion(80 wt%), 3 wt% SC | ≈ 0.1 | ${fmt(ionic90 / ionic80, 3)} |`,
    `| 2 | σ_el at 80 / 85 / 90 wt% NCM (S/m), rising | rising | ${m('conductivity.electronic_s_per_m.ncm80_sc3', 3)} / ${m('conductivity.electronic_s_per_m.ncm85_sc3', 3)} / ${m('conductivity.electronic_s_per_m.ncm90_sc3', 3)} |`,
    `| 3 | irreversible capacity at 90 wt% NCM, 0 → 3 wt% SC (mAh/g) | 26.3 → 42.9 | ${m('formation.irreversible_mah_g.ncm90_sc0')} → ${m('formation.irreversible_mah_g.ncm90_sc3')} |`,
    `| 4 | share of SE-oxidation charge below 3.2 V vs Li-In, first charge, 90/7/3 SC | most | ${m('formation.side_charge_below_3v2_pct.ncm90_sc3')} % |`,
    '',
    `Ionic percolation law fitted to the voxel results: t = ${fmt(study.ionicLaw.exponent, 2)}, φ_c = ${fmt(study.ionicLaw.threshold, 3)} (rms log error ${fmt(study.ionicLaw.rmsLogError, 2)}, ${study.ionicLaw.samplesUsed} samples); the cell model uses it for σ_ion,eff(φ_SE).`,
    '',
    '## Microstructures and conductivity',
    '',
    ...Object.entries(study.microstructure)
      .filter(([, x]) => !x.result.solver.converged)
      .map(
        ([id]) =>
          `> Warning: a voxel solve of ${id} stopped on its iteration limit; its conductivities are approximate.\n`,
      ),
    '| electrode | β (carbon in SE domain) | SE percolating | σ_ion (S/m) | σ_el (S/m) |',
    '|---|---|---|---|---|',
    ...Object.keys(study.microstructure).map(
      (id) =>
        `| ${id} | ${m(`microstructure.carbon_in_se_domain.${id}`, 3)} | ${m(`microstructure.se_percolating_fraction.${id}`, 3)} | ${m(`conductivity.ionic_s_per_m.${id}`, 4)} | ${m(`conductivity.electronic_s_per_m.${id}`, 3)} |`,
    ),
    '',
    ...Object.keys(study.microstructure).map(
      (id) => `![${id} mid-plane slice](figures/microstructure-${id}.png)`,
    ),
    '',
    'Slices: NCM blue, SE yellow, sub-voxel carbon darkens the voxel by its fraction.',
    '',
    '## Formation (0.05C)',
    '',
    '| electrode | charge (mAh/g) | discharge (mAh/g) | irreversible (mAh/g) | CE (%) | SE oxidation (mAh/g) | below 3.2 V (%) |',
    '|---|---|---|---|---|---|---|',
    ...Object.keys(f).map(
      (id) =>
        `| ${id} | ${m(`formation.charge_mah_g.${id}`)} | ${m(`formation.discharge_mah_g.${id}`)} | ${m(`formation.irreversible_mah_g.${id}`)} | ${m(`formation.ce_pct.${id}`)} | ${m(`formation.side_reaction_mah_g.${id}`, 2)} | ${m(`formation.side_charge_below_3v2_pct.${id}`)} |`,
    ),
    '',
    '## Rate capability (discharge mAh/g)',
    '',
    `Powder electrodes at ${fmt(toMilliampHoursPerSquareCm(PAPER_SETTINGS.powderArealCapacity_C_per_m2))} mAh/cm² (an assumption: the paper does not state the loading), dry electrodes at ${fmt(toMilliampHoursPerSquareCm(PAPER_SETTINGS.dryArealCapacity_C_per_m2))} mAh/cm².`,
    '',
    ...rateTable(Object.entries(study.rate).filter(([id]) => !id.includes(LOADING_SERIES_MARKER))),
    '',
    `The powder rate test at both ends of the plausible loading range (${PAPER_SETTINGS.powderArealCapacityRange_C_per_m2.map((q) => fmt(toMilliampHoursPerSquareCm(q))).join(' and ')} mAh/cm²):`,
    '',
    ...rateTable(Object.entries(study.rate).filter(([id]) => id.includes(LOADING_SERIES_MARKER))),
    '',
    ...(notRun.length > 0
      ? [
          'Steps that did not run (no capacity is reported for them):',
          '',
          ...notRun.map((x) => `- ${x.metric}: ${x.endedBy}`),
          '',
        ]
      : []),
    '## Cycling, pulses, CV',
    '',
    '| electrode | retention (%) | pulse polarisation < 3.2 V (mV) | 3.4–3.7 V (mV) |',
    '|---|---|---|---|',
    ...Object.keys(study.pulse).map(
      (id) =>
        `| ${id} | ${m(`cycling.retention_pct.${id}`)} | ${m(`pulse.polarization_mv.below_3v2.${id}`, 0)} | ${m(`pulse.polarization_mv.3v4_3v7.${id}`, 0)} |`,
    ),
    '',
    '| dry electrode | retention after long cycling (%) | final CE (%) |',
    '|---|---|---|',
    ...['dry_sc1', 'dry_cf1'].map(
      (id) =>
        `| ${id} | ${m(`longcycle.retention_pct.${id}`)} | ${m(`longcycle.final_ce_pct.${id}`, 2)} |`,
    ),
    '',
    '| carbon | CV peak (mA) | per carbon area (mA/m²) |',
    '|---|---|---|',
    ...Object.keys(study.cv).map(
      (id) =>
        `| ${id.toUpperCase()} | ${m(`cv.peak_ma.${id}`, 3)} | ${m(`cv.peak_ma_per_m2_carbon.${id}`, 2)} |`,
    ),
    '',
    ...sensitivityTable(study),
    '## Mechanism budget',
    '',
    'Where the charge of each experiment went (formation: one cycle; cycling: formation plus all cycles). Contact loss (M7) is not modelled yet, so no capacity is attributed to it.',
    '',
    `| experiment | ${BUDGET_ITEMS.map(([, unit, description]) => `${description.split(',')[0]} (${unit})`).join(' | ')} |`,
    `|---|${BUDGET_ITEMS.map(() => '---').join('|')}|`,
    ...[
      ...Object.keys(study.formation).map((id) => `formation.${id}`),
      ...Object.keys(study.cycling).map((id) => `cycling.${id}`),
    ].map(
      (experiment) =>
        `| ${experiment} | ${BUDGET_ITEMS.map(([key]) => m(`budget.${key}.${experiment}`, key === 'filmResistance_ohm_m2' ? 4 : 2)).join(' | ')} |`,
    ),
    '',
    '## Figures',
    '',
    ...figures.flatMap((fig) => [
      `### ${fig.spec.title ?? fig.id}`,
      '',
      `![${fig.caption}](figures/${fig.id}.png)`,
      '',
      `${fig.caption} ([SVG](figures/${fig.id}.svg), [Vega-Lite spec](figures/${fig.id}.vl.json))`,
      '',
    ]),
    ...(study.failures.length > 0
      ? [
          '## Failed experiments',
          '',
          ...study.failures.map((x) => `- **${x.experiment}** (${x.code}): ${x.message}`),
          '',
        ]
      : []),
    ...(omitted.length > 0
      ? [
          '## Omitted metrics',
          '',
          `Not finite in this run, so left out of report.json: ${omitted.join(', ')}.`,
          '',
        ]
      : []),
    `Run time: ${m('runtime.total_s')} s.`,
    '',
  ];
  return lines.join('\n');
}

let figureRenderer: Promise<typeof import('../figures/renderFigure.js')> | undefined;

/**
 * Starts loading the figure renderer (vega, vega-lite, resvg: most of the CLI's ≈ 0.9 s of
 * module loading) without waiting for it, so that a study can load it while its workers compute;
 * commands that draw no figure never load it.
 */
export function preloadFigureRenderer(): Promise<typeof import('../figures/renderFigure.js')> {
  figureRenderer ??= import('../figures/renderFigure.js');
  // A failed load surfaces where the renderer is awaited, not as an unhandled rejection here.
  figureRenderer.catch(() => undefined);
  return figureRenderer;
}

/** Writes every output of a study into `outDir` and returns the validated report. */
export async function writeReport(
  outDir: string,
  study: StudyResults,
  metrics: Record<string, Metric>,
  omitted: string[],
): Promise<Report> {
  const notRun = stepsNotRun(study);
  const report = reportSchema.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    solidcellVersion: SOLIDCELL_VERSION,
    settings: { ...study.settings, ionicLaw: study.ionicLaw, failedExperiments: study.failures },
    metrics,
    omittedMetrics: omitted,
    stepsNotRun: notRun,
  });
  const figures = paperFigures(study);
  const { renderFigure } = await preloadFigureRenderer();
  for (const figure of figures) {
    const { svg, png } = await renderFigure(figure.spec);
    writeFileAtomic(join(outDir, 'figures', `${figure.id}.svg`), svg);
    writeFileAtomic(join(outDir, 'figures', `${figure.id}.png`), png);
    writeFileAtomic(
      join(outDir, 'figures', `${figure.id}.vl.json`),
      `${JSON.stringify(figure.spec, null, 2)}\n`,
    );
  }
  for (const [id, { slice }] of Object.entries(study.microstructure)) {
    if (slice.width > 0)
      writeFileAtomic(join(outDir, 'figures', `microstructure-${id}.png`), slicePng(slice));
  }
  writeFileAtomic(
    join(outDir, 'data', 'metrics.csv'),
    csv(
      ['id', 'value', 'unit', 'description'],
      Object.entries(metrics).map(([id, x]) => [id, x.value, x.unit, x.description]),
    ),
  );
  writeFileAtomic(
    join(outDir, 'data', 'formation_curves.csv'),
    csv(
      ['electrode', 'time_s', 'voltage_vs_LiIn_V', 'step_capacity_mAh_per_g', 'step'],
      Object.entries(study.formation).flatMap(([id, fr]) =>
        fr.curve.time_s.map((t, i) => [
          id,
          t,
          fr.curve.voltageVsLiIn_V[i]!,
          fr.curve.capacity_mAh_per_g[i]!,
          fr.curve.stepIndex[i]!,
        ]),
      ),
    ),
  );
  writeFileAtomic(
    join(outDir, 'data', 'rate.csv'),
    csv(
      ['electrode', 'c_rate', 'discharge_mAh_per_g', 'ended_by'],
      Object.entries(study.rate).flatMap(([id, r]) =>
        r.rate.map((p) => [id, p.cRate, p.dischargeMahG ?? '', p.endedBy]),
      ),
    ),
  );
  writeFileAtomic(
    join(outDir, 'data', 'cycling.csv'),
    csv(
      ['experiment', 'cycle', 'discharge_mAh_per_g', 'coulombic_efficiency_pct'],
      Object.entries(study.cycling).flatMap(([id, c]) =>
        c.dischargeMahG.map((d, i) => [id, i + 1, d, c.coulombicEfficiencyPct[i]!]),
      ),
    ),
  );
  writeFileAtomic(
    join(outDir, 'data', 'pulse.csv'),
    csv(
      ['electrode', 'voltage_before_pulse_vs_LiIn_V', 'polarization_mV'],
      Object.entries(study.pulse).flatMap(([id, p]) =>
        p.pulses.map((q) => [id, q.voltageVsLiIn_V, q.polarization_mV]),
      ),
    ),
  );
  writeFileAtomic(
    join(outDir, 'data', 'cv.csv'),
    csv(
      ['carbon', 'potential_vs_LiIn_V', 'current_mA'],
      Object.entries(study.cv).flatMap(([id, c]) =>
        c.curve.potentialVsLiIn_V.map((v, i) => [id, v, c.curve.currentMa[i]!]),
      ),
    ),
  );
  writeFileAtomic(join(outDir, 'report.md'), markdown(study, metrics, figures, omitted, notRun));
  writeFileAtomic(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
