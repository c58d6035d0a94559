// Declarative Vega-Lite specs of every paper figure panel the model produces, built from a study's
// results; the same specs are written next to the images so the docs can render them interactively.
import { describeComposition, parseCompositionInput } from '@solidcell/core';
import type { TopLevelSpec } from 'vega-lite';
import { PAPER_ELECTRODES } from '../paperElectrodes.js';
import type { StudyResults } from '../reproduce/runStudy.js';
import { LOADING_SERIES_MARKER } from '../reproduce/studyPlan.js';

/** A figure: file id, caption and its spec. */
export interface FigureSpec {
  readonly id: string;
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

const WIDTH = 420;
const HEIGHT = 260;
const SERIES_TITLE = 'electrode';

function volumeOccupation(): FigureSpec {
  const values = PAPER_ELECTRODES.flatMap((e) => {
    const { solidVolumeFractions: v } = describeComposition(
      parseCompositionInput({
        massFractions_wtPct: e.massFractions_wtPct,
        carbonShape: e.carbonShape,
        porosity: 0,
      }),
    );
    return (['ncm', 'se', 'carbon', 'binder'] as const)
      .filter((phase) => v[phase] > 0)
      .map((phase) => ({
        electrode: e.id,
        phase: phase === 'se' ? 'SE' : phase === 'ncm' ? 'NCM' : phase,
        volPct: 100 * v[phase],
      }));
  });
  return {
    id: 'volume-occupation',
    caption:
      'Volumetric occupation (solids basis): light carbon takes a large share of the SE domain at high NCM loading (M1).',
    spec: {
      title: 'Volume fractions of the solid phases',
      width: WIDTH,
      height: HEIGHT,
      data: { values },
      mark: 'bar',
      encoding: {
        x: { field: 'electrode', type: 'nominal', sort: null, title: SERIES_TITLE },
        y: {
          field: 'volPct',
          type: 'quantitative',
          title: 'volume fraction (vol%)',
          stack: 'zero',
        },
        color: {
          field: 'phase',
          type: 'nominal',
          scale: {
            domain: ['NCM', 'SE', 'carbon', 'binder'],
            range: ['#4a6fb5', '#e8c23a', '#333333', '#aaaaaa'],
          },
        },
        tooltip: [{ field: 'electrode' }, { field: 'phase' }, { field: 'volPct', format: '.1f' }],
      },
    },
  };
}

function conductivity(study: StudyResults): FigureSpec {
  const values = Object.entries(study.microstructure).flatMap(([electrode, { result }]) =>
    (['ionic', 'electronic'] as const).flatMap((path) =>
      Object.entries(result.conductivitySPerM[path]).map(([axis, sigma]) => ({
        electrode,
        path,
        axis,
        sigma,
      })),
    ),
  );
  return {
    id: 'conductivity',
    caption:
      'Effective ionic and electronic conductivity from voxel solves (points: axes; bar: mean).',
    spec: {
      title: 'Effective conductivity of the voxel electrodes',
      data: { values },
      facet: { column: { field: 'path', type: 'nominal', title: null } },
      spec: {
        width: 300,
        height: HEIGHT,
        layer: [
          {
            mark: 'bar',
            encoding: {
              x: { field: 'electrode', type: 'nominal', sort: null, title: SERIES_TITLE },
              y: {
                aggregate: 'mean',
                field: 'sigma',
                type: 'quantitative',
                scale: { type: 'log' },
                title: 'σ_eff (S/m)',
              },
            },
          },
          {
            mark: { type: 'point', color: 'black', filled: true },
            encoding: {
              x: { field: 'electrode', type: 'nominal', sort: null },
              y: { field: 'sigma', type: 'quantitative' },
            },
          },
        ],
      },
      resolve: { scale: { y: 'independent' } },
    },
  };
}

function formationCurves(study: StudyResults): FigureSpec {
  const values = Object.entries(study.formation).flatMap(([electrode, f]) =>
    f.curve.voltageVsLiIn_V.map((voltage, i) => ({
      electrode,
      step: f.curve.stepIndex[i] === 0 ? 'charge' : 'discharge',
      capacity: f.curve.capacity_mAh_per_g[i],
      voltage,
    })),
  );
  return {
    id: 'formation-curves',
    caption: 'First cycle at 0.05C (25 °C): voltage vs Li-In against capacity per gram of NCM.',
    spec: {
      title: 'Formation at 0.05C',
      width: WIDTH,
      height: HEIGHT,
      data: { values },
      mark: { type: 'line', strokeWidth: 1.5 },
      encoding: {
        x: { field: 'capacity', type: 'quantitative', title: 'capacity (mAh/g NCM)' },
        y: {
          field: 'voltage',
          type: 'quantitative',
          title: 'voltage (V vs Li-In)',
          scale: { domain: [2.4, 3.8] },
        },
        color: { field: 'electrode', type: 'nominal' },
        detail: { field: 'step' },
      },
    },
  };
}

function irreversibleCapacity(study: StudyResults): FigureSpec {
  const values = Object.entries(study.formation).map(([electrode, f]) => ({
    electrode,
    irreversible: f.irreversibleMahG,
    side: f.sideReactionMahG,
  }));
  return {
    id: 'irreversible-capacity',
    caption: 'First-cycle irreversible capacity and the part of it passed into SE oxidation.',
    spec: {
      title: 'Irreversible capacity of the first cycle',
      width: WIDTH,
      height: HEIGHT,
      data: { values },
      transform: [{ fold: ['irreversible', 'side'], as: ['quantity', 'mAhG'] }],
      mark: 'bar',
      encoding: {
        x: { field: 'electrode', type: 'nominal', sort: null, title: SERIES_TITLE },
        xOffset: { field: 'quantity' },
        y: { field: 'mAhG', type: 'quantitative', title: 'capacity (mAh/g NCM)' },
        color: {
          field: 'quantity',
          type: 'nominal',
          title: null,
          scale: { domain: ['irreversible', 'side'] },
        },
      },
    },
  };
}

function rate(study: StudyResults): FigureSpec {
  const atStudyLoading = Object.entries(study.rate).filter(
    ([electrode]) => !electrode.includes(LOADING_SERIES_MARKER),
  );
  const values = atStudyLoading.flatMap(([electrode, r]) =>
    r.rate.flatMap((p) =>
      p.dischargeMahG === null ? [] : [{ electrode, cRate: p.cRate, discharge: p.dischargeMahG }],
    ),
  );
  return {
    id: 'rate-capability',
    caption: 'Discharge capacity at increasing C-rates after a 0.1C CC-CV charge.',
    spec: {
      title: 'Rate capability',
      width: WIDTH,
      height: HEIGHT,
      data: { values },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'cRate', type: 'quantitative', scale: { type: 'log' }, title: 'C-rate' },
        y: { field: 'discharge', type: 'quantitative', title: 'discharge capacity (mAh/g NCM)' },
        color: { field: 'electrode', type: 'nominal' },
      },
    },
  };
}

function cycling(study: StudyResults, long: boolean): FigureSpec {
  const values = Object.entries(study.cycling)
    .filter(([series]) => series.endsWith('_longcycle') === long)
    .flatMap(([series, c]) =>
      c.dischargeMahG.map((discharge, i) => ({
        electrode: series.replace('_longcycle', ''),
        cycle: i + 1,
        discharge,
        ce: c.coulombicEfficiencyPct[i],
      })),
    );
  return {
    id: long ? 'long-cycling' : 'cycling',
    caption: long
      ? 'Dry electrodes (6.0 mAh/cm²) at 0.2C and 60 °C: discharge capacity and Coulombic efficiency.'
      : 'Cycling at 0.5C and 25 °C after formation.',
    spec: {
      title: long ? 'Long cycling of the dry electrodes' : 'Cycling at 0.5C',
      data: { values },
      vconcat: [
        {
          width: WIDTH,
          height: 200,
          mark: 'line',
          encoding: {
            x: { field: 'cycle', type: 'quantitative' },
            y: { field: 'discharge', type: 'quantitative', title: 'discharge (mAh/g)' },
            color: { field: 'electrode', type: 'nominal' },
          },
        },
        {
          width: WIDTH,
          height: 120,
          mark: 'line',
          encoding: {
            x: { field: 'cycle', type: 'quantitative' },
            y: { field: 'ce', type: 'quantitative', title: 'CE (%)', scale: { zero: false } },
            color: { field: 'electrode', type: 'nominal' },
          },
        },
      ],
    },
  };
}

function pulse(study: StudyResults): FigureSpec {
  const values = Object.entries(study.pulse).flatMap(([electrode, p]) =>
    p.pulses.map((q) => ({
      electrode,
      voltage: q.voltageVsLiIn_V,
      polarization: q.polarization_mV,
    })),
  );
  return {
    id: 'pulse-polarization',
    caption:
      '1C-pulse polarisation during the first charge against the voltage before each pulse; shaded: below 3.2 V (SE oxidation) and 3.4–3.7 V (NCM charge transfer).',
    spec: {
      title: 'Pulse polarisation',
      width: WIDTH,
      height: HEIGHT,
      layer: [
        {
          data: {
            values: [
              { from: 2.9, to: 3.2 },
              { from: 3.4, to: 3.7 },
            ],
          },
          mark: { type: 'rect', opacity: 0.12, color: 'grey' },
          encoding: { x: { field: 'from', type: 'quantitative' }, x2: { field: 'to' } },
        },
        {
          data: { values },
          mark: { type: 'line', point: true },
          encoding: {
            x: {
              field: 'voltage',
              type: 'quantitative',
              title: 'voltage before pulse (V vs Li-In)',
              scale: { zero: false },
            },
            y: { field: 'polarization', type: 'quantitative', title: 'polarisation (mV)' },
            color: { field: 'electrode', type: 'nominal' },
          },
        },
      ],
    },
  };
}

function cv(study: StudyResults): FigureSpec {
  const values = Object.entries(study.cv).flatMap(([carbon, c]) => {
    const stride = Math.max(1, Math.floor(c.curve.potentialVsLiIn_V.length / 600));
    return c.curve.potentialVsLiIn_V.flatMap((v, i) =>
      i % stride === 0
        ? [{ carbon: carbon.toUpperCase(), voltage: v, current: c.curve.currentMa[i], order: i }]
        : [],
    );
  });
  return {
    id: 'cv',
    caption:
      'Cyclic voltammetry of carbon–SE electrodes at identical carbon mass: SE oxidation current.',
    spec: {
      title: 'CV of carbon–SE electrodes',
      width: WIDTH,
      height: HEIGHT,
      data: { values },
      mark: 'line',
      encoding: {
        x: {
          field: 'voltage',
          type: 'quantitative',
          title: 'potential (V vs Li-In)',
          scale: { zero: false },
        },
        y: { field: 'current', type: 'quantitative', title: 'current (mA)' },
        color: { field: 'carbon', type: 'nominal' },
        order: { field: 'order' },
      },
    },
  };
}

/** All figure specs of a study. */
export function paperFigures(study: StudyResults): FigureSpec[] {
  return [
    volumeOccupation(),
    conductivity(study),
    formationCurves(study),
    irreversibleCapacity(study),
    rate(study),
    cycling(study, false),
    pulse(study),
    cv(study),
    cycling(study, true),
  ];
}
