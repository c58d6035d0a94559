// `solidcell simulate`: one electrode (from flags or a cell configuration file) through a named
// protocol of the paper (formation, rate, cycling, pulse) or through readable steps, with a cycle
// table, settings echo and CSV output.
import { cyclesToCsv, simulateExperiment, toCsv } from '@solidcell/cell';
import {
  createCell,
  fromCelsius,
  fromMilliampHoursPerSquareCm,
  invalidInput,
  toMilliampsPerSquareCm,
} from '@solidcell/core';
import type { Command } from 'commander';
import type { CommandOutput } from '../cli/output.js';
import { parseBoundedOption, parseNumberOption } from '../cli/parseNumberOption.js';
import { runWithProgress } from '../cli/runWithProgress.js';
import { cellSetupFromConfig } from '../config/cellSetupFromConfig.js';
import { loadCellConfig, withConfigFile } from '../config/loadCellConfig.js';
import {
  namedProtocol,
  PULSE_PROTOCOL_DESCRIPTION,
  protocolFromConfig,
  type ResolvedProtocol,
} from '../config/namedProtocols.js';
import { firstPartySpecs, withPackagePlugins } from '../config/pluginFlags.js';
import { prepareOutputFolder } from '../io/prepareOutputFolder.js';
import { writeFileSet } from '../io/writeFileSet.js';
import { type CellSetup, cellModelConfig, cellPlugins } from '../studies/cellSetup.js';
import { PAPER_SETTINGS } from '../studies/paperSettings.js';
import { runPulse } from '../studies/runPulse.js';
import { ratePoints } from '../studies/runRate.js';
import { parseCarbonType, withCarbonTypeOption } from './carbonTypeOption.js';

interface SimulateFlags {
  readonly config?: string;
  readonly plugin: string[];
  readonly ncm?: string;
  readonly se?: string;
  readonly carbon?: string;
  readonly carbonType: string;
  readonly porosity: string;
  readonly protocol?: string;
  readonly step?: string[];
  readonly cycles: string;
  readonly cRate: string;
  readonly temperatureC: string;
  readonly loadingMahCm2: string;
  readonly sideReactions: string;
  readonly out?: string;
  readonly json?: boolean;
}

/** Flags that describe the cell, given by the file instead when `--config` is used. */
const CELL_FLAGS = {
  ncm: '--ncm',
  se: '--se',
  carbon: '--carbon',
  carbonType: '--carbon-type',
  porosity: '--porosity',
  temperatureC: '--temperature-c',
  loadingMahCm2: '--loading-mah-cm2',
  sideReactions: '--side-reactions',
} as const satisfies Partial<Record<keyof SimulateFlags, string>>;

function parseSideReactions(text: string): boolean {
  if (text === 'on') return true;
  if (text === 'off') return false;
  return invalidInput('--side-reactions', text, 'one of "on", "off"');
}

function requiredWtPct(flag: string, text: string | undefined): number {
  if (text === undefined) return invalidInput(flag, text, 'a wt% value, or --config <file.json>');
  return parseNumberOption(flag, text);
}

/** Bounds of the numeric cell and cycling flags of `simulate` (the property tests draw inside them). */
export const SIMULATE_FLAG_BOUNDS = {
  loadingMahCm2: { min: 0.1, max: 20, unit: 'mAh/cm²' },
  temperatureC: { min: -40, max: 120, unit: '°C' },
  cRate: { min: 0.001, max: 20, unit: 'C', minExclusive: false },
} as const;

function setupFromFlags(flags: SimulateFlags): CellSetup {
  return {
    massFractions_wtPct: {
      ncm: requiredWtPct('--ncm', flags.ncm),
      se: requiredWtPct('--se', flags.se),
      carbon: requiredWtPct('--carbon', flags.carbon),
    },
    carbonShape: parseCarbonType(flags.carbonType),
    porosity: parseNumberOption('--porosity', flags.porosity),
    arealCapacity_C_per_m2: fromMilliampHoursPerSquareCm(
      parseBoundedOption(
        '--loading-mah-cm2',
        flags.loadingMahCm2,
        SIMULATE_FLAG_BOUNDS.loadingMahCm2,
      ),
    ),
    temperature_K: fromCelsius(
      parseBoundedOption('--temperature-c', flags.temperatureC, SIMULATE_FLAG_BOUNDS.temperatureC),
    ),
    sideReactions: parseSideReactions(flags.sideReactions),
  };
}

/**
 * A flag-described setup with the `--plugin` packages composed in; the carbon shape then comes
 * from the composed Morphology.
 */
function withFlagPlugins(setup: CellSetup, packages: readonly string[]): CellSetup {
  if (packages.length === 0) return setup;
  const plugins = withPackagePlugins(
    firstPartySpecs(setup.carbonShape, setup.sideReactions),
    packages,
  );
  const withPlugins = { ...setup, plugins, sideReactions: plugins.sideReactions.length > 0 };
  const morphology = createCell(cellPlugins(withPlugins)).morphologies[0];
  return morphology === undefined
    ? withPlugins
    : { ...withPlugins, carbonShape: morphology.carbonShape };
}

function cyclingFromFlags(flags: SimulateFlags) {
  const cycles = parseBoundedOption('--cycles', flags.cycles, {
    min: 1,
    max: 5000,
    unit: 'cycles',
    integer: true,
  });
  const cRate = parseBoundedOption('--c-rate', flags.cRate, SIMULATE_FLAG_BOUNDS.cRate);
  return { cRate, cycles };
}

function protocolFromFlags(flags: SimulateFlags): ResolvedProtocol {
  if (flags.step !== undefined && flags.step.length > 0) {
    if (flags.protocol !== undefined)
      invalidInput('--protocol', flags.protocol, 'nothing when --step is given');
    return { name: 'custom', protocol: flags.step };
  }
  return namedProtocol(flags.protocol ?? 'formation', '--protocol', cyclingFromFlags(flags));
}

/** The cell and protocol of a `--config` run; cell flags on the command line are refused. */
function fromConfigFile(
  path: string,
  flags: SimulateFlags,
  given: ReadonlySet<string>,
): { setup: CellSetup; protocol: ResolvedProtocol; cellId: string | undefined } {
  for (const [key, flag] of Object.entries(CELL_FLAGS)) {
    if (given.has(key)) {
      invalidInput(
        flag,
        flags[key as keyof typeof CELL_FLAGS],
        'nothing with --config (the cell comes from the file)',
      );
    }
  }
  const loaded = loadCellConfig(path);
  const config =
    flags.plugin.length === 0
      ? loaded
      : { ...loaded, plugins: withPackagePlugins(loaded.plugins, flags.plugin) };
  const voxel = config.microstructure.descriptors === 'voxel';
  const setup = withConfigFile(path, () =>
    runWithProgress(`microstructure ${config.microstructure.voxels}³`, !voxel, (onProgress) =>
      cellSetupFromConfig(config, onProgress),
    ),
  );
  if (given.has('protocol') || given.has('step')) {
    return { setup, protocol: protocolFromFlags(flags), cellId: config.id };
  }
  // --cycles / --c-rate on the command line override the file's; the flag defaults fill gaps.
  const cycling = cyclingFromFlags(flags);
  const spec = config.protocol;
  const overridden =
    typeof spec === 'object' && !Array.isArray(spec)
      ? {
          ...spec,
          ...(given.has('cRate') ? { cRate: cycling.cRate } : {}),
          ...(given.has('cycles') ? { cycles: cycling.cycles } : {}),
        }
      : spec;
  const protocol = withConfigFile(path, () => protocolFromConfig(overridden, cycling));
  return { setup, protocol, cellId: config.id };
}

/**
 * Runs the simulation and prints/writes its results.
 * @param given - keys of the flags given on the command line (not defaulted).
 */
export function runSimulate(
  flags: SimulateFlags,
  output: CommandOutput,
  given: ReadonlySet<string> = new Set(),
): void {
  if (flags.out !== undefined) prepareOutputFolder('--out', flags.out);
  const {
    setup,
    protocol: resolvedProtocol,
    cellId,
  } = flags.config === undefined
    ? {
        setup: withFlagPlugins(setupFromFlags(flags), flags.plugin),
        protocol: protocolFromFlags(flags),
        cellId: undefined,
      }
    : fromConfigFile(flags.config, flags, given);
  const { name, protocol } = resolvedProtocol;
  const config = cellModelConfig(setup);
  const settings = {
    ...(flags.config === undefined ? {} : { configFile: flags.config, cellId }),
    composition_wtPct: setup.massFractions_wtPct,
    carbonShape: setup.carbonShape,
    porosity: setup.porosity,
    electrodeVolumeFractions: config.electrode.volumeFractions,
    arealCapacity_mAh_per_cm2: setup.arealCapacity_C_per_m2 / 36_000,
    temperature_K: setup.temperature_K,
    sideReactions: setup.sideReactions,
    plugins: cellPlugins(setup).map((p) => p.id),
    protocol: name === 'pulse' ? [PULSE_PROTOCOL_DESCRIPTION] : protocol,
    voltageReference: 'Li-In (0.62 V vs Li/Li⁺)',
  };
  if (name === 'pulse') {
    const pulse = runWithProgress('pulse test', false, (onProgress) => runPulse(setup, onProgress));
    if (flags.out !== undefined) {
      const rows = pulse.pulses.map((p) => `${p.voltageVsLiIn_V},${p.polarization_mV}`).join('\n');
      writeFileSet(flags.out, {
        'pulses.csv': `voltage_before_pulse_vs_LiIn_V,polarization_mV\n${rows}\n`,
      });
    }
    if (flags.json) output.json({ settings, summary: { pulse } });
    else
      output.text(
        `${pulse.pulses.length} pulses; mean polarisation ${pulse.meanBelow3v2_mV.toFixed(0)} mV below 3.2 V, ${pulse.mean3v4To3v7_mV.toFixed(0)} mV at 3.4–3.7 V vs Li-In`,
      );
    return;
  }
  const result = runWithProgress(`simulate ${name}`, false, (onProgress) =>
    simulateExperiment(config, protocol, { onProgress }),
  );
  const cycles = result.cycles.map((c) => ({
    index: c.cycle,
    chargeMahG: c.chargeCapacity_mAh_per_g,
    dischargeMahG: c.dischargeCapacity_mAh_per_g,
    coulombicEfficiencyPct: c.coulombicEfficiency === null ? null : 100 * c.coulombicEfficiency,
    irreversibleMahG: c.irreversibleCapacity_mAh_per_g,
    sideReactionMahG: c.sideReactionCharge_C_per_m2 / result.cell.ncmArealMass_kg_per_m2 / 3600,
  }));
  const rate = name === 'rate' ? ratePoints(result, PAPER_SETTINGS.rateCRates) : undefined;
  const listed = (keep: (step: (typeof result.steps)[number]) => boolean) =>
    result.steps
      .filter(keep)
      .map((step) => ({ step: step.index, description: step.description, endedBy: step.endedBy }));
  const stepsNotRun = listed((step) => step.notStarted);
  // Steps that met none of their end conditions (e.g. side reactions held the voltage below the
  // cut-off): their charge is not a capacity to the cut-off, so they are listed with the reason.
  const stepsAtSafetyLimit = listed((step) => step.endReason === 'safety-time-limit');
  const cell = result.cell;
  const resolved = {
    ...settings,
    oneC_mA_per_cm2: toMilliampsPerSquareCm(cell.oneCCurrentDensity_A_per_m2),
    cRateBasis: `1C = ${(cell.referenceSpecificCapacity_C_per_kg / 3600).toFixed(0)} mAh/g × NCM loading`,
    ncmLoading_mg_per_cm2: cell.ncmArealMass_kg_per_m2 * 100,
    electrodeThickness_um: cell.electrodeThickness_m * 1e6,
    separatorThickness_um: cell.separatorThickness_m * 1e6,
    counterElectrodePotentialVsLi_V: cell.counterElectrodePotentialVsLi_V,
    contactArea_m2_per_m3: cell.contactArea_m2_per_m3,
  };
  if (flags.out !== undefined) {
    writeFileSet(flags.out, {
      'timeseries.csv': toCsv(result),
      'cycles.csv': cyclesToCsv(result),
      'settings.json': `${JSON.stringify(resolved, null, 2)}\n`,
    });
    output.message(`wrote timeseries.csv, cycles.csv and settings.json to ${flags.out}`);
  }
  if (flags.json) {
    output.json({
      settings: resolved,
      summary: { cycles, ...(rate ? { rate } : {}), stepsNotRun, stepsAtSafetyLimit },
      solver: result.solver,
    });
    return;
  }
  output.text(
    `1C = ${resolved.oneC_mA_per_cm2.toFixed(3)} mA/cm² (${resolved.cRateBasis}); electrode ${resolved.electrodeThickness_um.toFixed(1)} µm; voltages vs Li-In`,
  );
  output.text('cycle  charge (mAh/g)  discharge (mAh/g)  CE (%)  irreversible (mAh/g)');
  for (const c of cycles) {
    output.text(
      `${String(c.index).padStart(5)}  ${c.chargeMahG.toFixed(1).padStart(14)}  ${c.dischargeMahG.toFixed(1).padStart(17)}  ${(c.coulombicEfficiencyPct === null ? '—' : c.coulombicEfficiencyPct.toFixed(1)).padStart(6)}  ${c.irreversibleMahG.toFixed(1).padStart(20)}`,
    );
  }
  for (const r of rate ?? []) {
    output.text(
      `rate ${r.cRate}C: ${r.dischargeMahG === null ? 'did not run' : `${r.dischargeMahG.toFixed(1)} mAh/g`}`,
    );
  }
  for (const s of [...stepsAtSafetyLimit, ...stepsNotRun]) {
    output.text(`step ${s.step} "${s.description}": ${s.endedBy}`);
  }
}

/** Registers the command. */
export function registerSimulateCommand(program: Command, output: CommandOutput): void {
  withCarbonTypeOption(program.command('simulate'))
    .description(
      'simulate a composite electrode vs Li-In through a paper protocol or readable steps',
    )
    .option(
      '--config <file.json>',
      'cell configuration file (configs/*.json); replaces the cell flags, its protocol applies unless --protocol/--step is given',
    )
    .option('--ncm <wt%>', 'NCM811 mass fraction in wt% (required without --config)')
    .option('--se <wt%>', 'Li6PS5Cl mass fraction in wt% (required without --config)')
    .option('--carbon <wt%>', 'carbon additive mass fraction in wt% (required without --config)')
    .option(
      '--porosity <fraction>',
      'residual pore volume fraction',
      String(PAPER_SETTINGS.porosity),
    )
    .option('--protocol <name>', 'formation | rate | cycling | pulse (default formation)')
    .option(
      '--step <text...>',
      'readable steps instead of --protocol, e.g. "Charge at 0.05C until 3.7 V" "Rest for 10 minutes"',
    )
    .option('--cycles <n>', 'cycles after formation for --protocol cycling', '100')
    .option('--c-rate <C>', 'C-rate of --protocol cycling', '0.5')
    .option('--temperature-c <°C>', 'cell temperature', '25')
    .option(
      '--loading-mah-cm2 <mAh/cm²>',
      'areal capacity at 200 mAh/g (defines the electrode thickness and 1C)',
      '3',
    )
    .option('--side-reactions <on|off>', 'argyrodite oxidation on or off', 'on')
    .option(
      '--plugin <package>',
      'compose the plugin of an npm package installed in this folder’s project, in the role its kinds give (repeatable)',
      (name: string, previous: string[]) => [...previous, name],
      [] as string[],
    )
    .option('--out <dir>', 'write timeseries.csv, cycles.csv and settings.json here')
    .option('--json', 'print one JSON document on stdout')
    .action((flags: SimulateFlags, command: Command) =>
      runSimulate(
        flags,
        output,
        new Set(Object.keys(flags).filter((key) => command.getOptionValueSource(key) === 'cli')),
      ),
    );
}
