// The schema of a sweep design file (`schemaVersion` 1): the base cell, the axes that vary it,
// how to sample them, the experiments every point runs, the metrics kept and the fidelity.
import { boundedNumber, oneOf } from '@solidcell/core';
import { z } from 'zod';
import {
  CYCLING_C_RATE_BOUNDS,
  CYCLING_CYCLES_BOUNDS,
  protocolSchema,
} from '../config/cellConfigSchema.js';

/** The schema version of design files this app reads. */
export const SWEEP_DESIGN_SCHEMA_VERSION = 1;

/** Metrics a point can report (see sweep/pointMetrics.ts for their definitions). */
export const SWEEP_METRICS = [
  'specificEnergy_Wh_per_kg',
  'energyDensity_Wh_per_L',
  'firstChargeCapacity_mAh_per_g',
  'firstDischargeCapacity_mAh_per_g',
  'irreversibleCapacity_mAh_per_g',
  'initialCoulombicEfficiency_pct',
  'rateCapacity_mAh_per_g',
  'retention_pct',
  'sigmaIon_S_per_m',
  'sigmaEl_S_per_m',
  'seOxidised_pct',
  'sideReactionCharge_mAh_per_g',
] as const;
export type SweepMetricName = (typeof SWEEP_METRICS)[number];

/** How a point's electrode descriptors are obtained. */
export const SWEEP_FIDELITIES = ['effective-medium', 'voxel'] as const;
/** Cell mesh and solver tolerance of each point. */
export const SWEEP_RESOLUTIONS = ['coarse', 'fine'] as const;
/** Sample designs over the range axes. */
export const SWEEP_SAMPLERS = ['latin-hypercube', 'sobol'] as const;
/** Mass fraction that takes up the remainder so the wt% sum to 100. */
export const BALANCE_COMPONENTS = ['se', 'ncm', 'carbon', 'binder'] as const;

/** At most this many points per design (a sweep larger than this is split into designs). */
export const MAX_SWEEP_POINTS = 1_000_000;

const axisPath = z
  .string({ error: 'a dotted path into the cell config, e.g. "massFractions_wtPct.ncm"' })
  .regex(/^[A-Za-z_][\w]*(\.[\w]+|\[\d+\])*$/, {
    error: 'a dotted path into the cell config, e.g. "massFractions_wtPct.ncm"',
  });

const axisValue = z.union([z.number(), z.string(), z.boolean()], {
  error: 'a number, a string or a boolean',
});

const axisSchema = z
  .strictObject(
    {
      path: axisPath,
      values: z
        .array(axisValue, { error: 'a non-empty list of values' })
        .min(1, { error: 'a non-empty list of values' })
        .optional(),
      range: z
        .strictObject(
          {
            from: z.number({ error: 'a number' }),
            to: z.number({ error: 'a number' }),
            /** Grid points from `from` to `to` inclusive; omitted when a `sample` draws them. */
            steps: boundedNumber({ min: 1, max: 10_000, unit: 'points', integer: true }).optional(),
          },
          { error: 'an object {"from": x, "to": y, "steps": n}' },
        )
        .optional(),
    },
    { error: 'an axis {"path", "values": [...]} or {"path", "range": {"from", "to", "steps"}}' },
  )
  .refine((axis) => (axis.values === undefined) !== (axis.range === undefined), {
    error: 'an axis with either "values" or "range" (one of them)',
  });

const sampleSchema = z.strictObject(
  {
    method: oneOf(SWEEP_SAMPLERS),
    points: boundedNumber({ min: 1, max: MAX_SWEEP_POINTS, unit: 'points', integer: true }),
    seed: boundedNumber({ min: 0, max: 4294967295, unit: '', integer: true }),
  },
  { error: 'an object {"method", "points", "seed"}' },
);

const experimentsSchema = z.strictObject(
  {
    /** Discharge C-rates of the rate test after formation (each after a 0.1C charge + CV hold). */
    rateCRates: z
      .array(boundedNumber(CYCLING_C_RATE_BOUNDS), { error: 'a list of C-rates' })
      .default([0.1, 1]),
    /** Constant-current cycling after the rate test; omitted: no cycling. */
    cycling: z
      .strictObject(
        {
          cRate: boundedNumber(CYCLING_C_RATE_BOUNDS),
          cycles: boundedNumber({ ...CYCLING_CYCLES_BOUNDS, min: 2 }),
        },
        { error: 'an object {"cRate", "cycles"}' },
      )
      .optional(),
    /**
     * Instead of formation → rate test → cycling: a paper protocol by name ("formation",
     * "rate", "cycling"), {"name", "cRate", "cycles"}, or readable steps as `simulate --step`
     * takes them. Excludes `rateCRates` and `cycling`.
     */
    protocol: protocolSchema.optional(),
  },
  {
    error:
      'an object {"rateCRates": [...], "cycling": {"cRate", "cycles"}} or {"protocol": name or steps}',
  },
);

/**
 * Schema of a sweep design file (JSON or YAML).
 *
 * @remarks
 * `base`: a cell configuration (inline object, as configs/*.json) or the path of one, relative
 * to the design file. `axes`: each varies one dotted `path` of the base config through a list of
 * `values` or a `range` (`from`, `to`, `steps` grid points; without `steps`, the range is sampled
 * by `sample`). Grid axes combine as a full factorial; sampled ranges add `sample.points` points
 * per grid combination. `balance`: the mass fraction set to 100 − the others. Every point runs
 * formation, then the rate test (`experiments.rateCRates`), then optional cycling.
 */
export const sweepDesignSchema = z.strictObject({
  schemaVersion: z.literal(SWEEP_DESIGN_SCHEMA_VERSION, {
    error: `${SWEEP_DESIGN_SCHEMA_VERSION} (the only design schema version this solidcell reads)`,
  }),
  name: z
    .string({ error: 'a name (letters, digits, "-", "_")' })
    .regex(/^[\w-]{1,64}$/, { error: 'a name (letters, digits, "-", "_")' }),
  description: z.string({ error: 'a string' }).optional(),
  base: z.union([z.string(), z.record(z.string(), z.unknown())], {
    error: 'a cell configuration object or the path of a cell configuration file',
  }),
  axes: z.array(axisSchema, { error: 'a list of axes' }).min(1, { error: 'at least one axis' }),
  sample: sampleSchema.optional(),
  balance: oneOf(BALANCE_COMPONENTS).default('se'),
  experiments: experimentsSchema.default({ rateCRates: [0.1, 1] }),
  metrics: z.array(oneOf(SWEEP_METRICS), { error: 'a list of metric names' }).optional(),
  fidelity: oneOf(SWEEP_FIDELITIES).default('effective-medium'),
  resolution: oneOf(SWEEP_RESOLUTIONS).default('coarse'),
});

export type SweepDesignInput = z.input<typeof sweepDesignSchema>;
export type SweepDesign = z.output<typeof sweepDesignSchema>;
export type SweepAxis = SweepDesign['axes'][number];
export type SweepExperiments = SweepDesign['experiments'];
