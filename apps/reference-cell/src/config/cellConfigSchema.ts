// The schema of a cell configuration file (`schemaVersion` 1): one electrode, its plugins, its
// microstructure settings and its protocol, in the units a researcher types (°C, mAh/cm², µm).

import { boundedNumber, compositionInputSchema, oneOf } from '@solidcell/core';
import { MAX_GRID_VOXELS_PER_EDGE } from '@solidcell/microstructure';
import { z } from 'zod';

/** The schema version this app reads and writes. */
export const CELL_CONFIG_SCHEMA_VERSION = 1;

/** Names of the paper protocols a configuration can select. */
export const NAMED_PROTOCOLS = ['formation', 'rate', 'cycling', 'pulse'] as const;

/** Bounds of the C-rate of a named cycling protocol (C). */
export const CYCLING_C_RATE_BOUNDS = { min: 0.001, max: 20, unit: 'C' } as const;
/** Bounds of the cycle count of a named cycling protocol. */
export const CYCLING_CYCLES_BOUNDS = { min: 1, max: 5000, unit: 'cycles', integer: true } as const;
/** Bounds of the areal capacity (mAh/cm²), as for `--loading-mah-cm2`. */
export const AREAL_CAPACITY_BOUNDS = { min: 0.1, max: 20, unit: 'mAh/cm²' } as const;
/** Bounds of the cell temperature (°C), as for `--temperature-c`. */
export const TEMPERATURE_BOUNDS = { min: -40, max: 120, unit: '°C' } as const;

const pluginOptions = z.record(z.string(), z.unknown(), {
  error: 'an object of plugin options (see the plugin’s README)',
});

/**
 * A plugin named by first-party id or by the npm package that provides it (installed in the
 * user's project), with the options its factory validates.
 */
const pluginSpec = z
  .strictObject(
    {
      id: z.string({ error: 'a first-party plugin id (a string)' }).optional(),
      package: z.string({ error: 'an npm package name (a string)' }).min(1).optional(),
      options: pluginOptions.optional(),
    },
    { error: 'an object {"id": "...", "options": {...}} or {"package": "...", "options": {...}}' },
  )
  .refine((spec) => (spec.id === undefined) !== (spec.package === undefined), {
    error: 'exactly one of "id" (a first-party plugin) or "package" (an installed npm package)',
  });

const pluginsSchema = z.strictObject(
  {
    materials: pluginSpec,
    chargeTransfer: pluginSpec.default({ id: 'ncm-charge-transfer' }),
    carbon: pluginSpec,
    sideReactions: z.array(pluginSpec, { error: 'a list of plugins (may be empty)' }),
  },
  { error: 'an object with "materials", "carbon", "sideReactions" (and "chargeTransfer")' },
);

const microstructureSchema = z.strictObject(
  {
    voxels: boundedNumber({
      min: 16,
      max: MAX_GRID_VOXELS_PER_EDGE,
      unit: 'voxels per edge',
      integer: true,
    }),
    voxelSize_um: boundedNumber({ min: 0.01, max: 5, unit: 'µm' }),
    seed: boundedNumber({ min: 0, max: 4294967295, unit: '', integer: true }),
    descriptors: oneOf(['estimated', 'voxel']).default('estimated'),
  },
  { error: 'an object with "voxels", "voxelSize_um", "seed" (and "descriptors")' },
);

const namedProtocolSchema = z.strictObject({
  name: oneOf(NAMED_PROTOCOLS),
  cRate: boundedNumber(CYCLING_C_RATE_BOUNDS).optional(),
  cycles: boundedNumber(CYCLING_CYCLES_BOUNDS).optional(),
});

/** A paper protocol by name, `{name, cRate, cycles}`, or readable step strings (validated by loadCellConfig). */
export const protocolSchema = z.union(
  [oneOf(NAMED_PROTOCOLS), namedProtocolSchema, z.array(z.string()).min(1)],
  {
    error: `one of ${NAMED_PROTOCOLS.map((p) => `"${p}"`).join(', ')}, {"name": ..., "cRate": C, "cycles": n} or a non-empty list of step strings`,
  },
);

/**
 * Schema of a cell configuration file (JSON, see apps/reference-cell/configs/*.json).
 *
 * @remarks
 * Fields: `schemaVersion` (1); optional `id`, `description`; `massFractions_wtPct`
 * (`ncm`, `se`, `carbon`, optional `binder`; sum 100); `porosity` (volume fraction);
 * `arealCapacity_mAh_per_cm2` (defines thickness and 1C); `temperature_C`; `plugins`
 * (`materials`, optional `chargeTransfer`, `carbon`, `sideReactions` list — each
 * `{"id", "options"}` or `{"package", "options"}` for a plugin package installed in the working
 * folder's project), options as the plugin's factory takes them, SI); `counterElectrode`
 * (`materialId` of a counter-electrode material bound by the materials plugin);
 * `microstructure` (`voxels` per edge, `voxelSize_um`, `seed`, `descriptors`
 * `"estimated"` | `"voxel"`); `protocol` (a paper protocol name, `{"name", "cRate", "cycles"}`,
 * or readable steps such as `"Charge at 0.05C until 3.7 V"`). Unknown fields are rejected.
 */
export const cellConfigSchema = z.strictObject({
  schemaVersion: z.literal(CELL_CONFIG_SCHEMA_VERSION, {
    error: `${CELL_CONFIG_SCHEMA_VERSION} (the only schema version this solidcell reads)`,
  }),
  id: z.string({ error: 'a name for the cell (a string)' }).optional(),
  description: z.string({ error: 'a string' }).optional(),
  massFractions_wtPct: compositionInputSchema.shape.massFractions_wtPct,
  porosity: compositionInputSchema.shape.porosity,
  arealCapacity_mAh_per_cm2: boundedNumber(AREAL_CAPACITY_BOUNDS),
  temperature_C: boundedNumber(TEMPERATURE_BOUNDS),
  plugins: pluginsSchema,
  counterElectrode: z.strictObject(
    { materialId: z.string({ error: 'a material id (a string)' }) },
    { error: 'an object {"materialId": "li-in"}' },
  ),
  microstructure: microstructureSchema,
  protocol: protocolSchema,
});

/** A cell configuration as written in the file (before defaults). */
export type CellConfigInput = z.input<typeof cellConfigSchema>;
/** A validated cell configuration (defaults filled in). */
export type CellConfig = z.output<typeof cellConfigSchema>;
/** One plugin of a configuration: first-party id or package name, and options. */
export type PluginSpec = z.output<typeof pluginSpec>;
/** The plugins of a configuration, by role. */
export type CellPluginSpecs = CellConfig['plugins'];
/** The protocol of a configuration: a paper protocol (by name) or readable steps. */
export type ProtocolSpec = CellConfig['protocol'];
