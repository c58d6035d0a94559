// `solidcell simulate`: one electrode through a named protocol of the paper (formation, rate,
// cycling, pulse) or through readable steps, with a cycle table, settings echo and CSV output.
import { join } from 'node:path';
import { cyclesToCsv, type Protocol, simulateExperiment, toCsv } from '@solidcell/cell';
import {
  fromCelsius,
  fromMilliampHoursPerSquareCm,
  invalidInput,
  toMilliampsPerSquareCm,
} from '@solidcell/core';
import { writeFileAtomic } from '@solidcell/microstructure/node';
import type { Command } from 'commander';
import type { CommandOutput } from '../cli/output.js';
import { parseBoundedOption, parseNumberOption } from '../cli/parseNumberOption.js';
import { runWithProgress } from '../cli/runWithProgress.js';
import { type CellSetup, cellModelConfig, cellPlugins } from '../studies/cellSetup.js';
import { PAPER_SETTINGS } from '../studies/paperSettings.js';
import { cyclingProtocol } from '../studies/runCycling.js';
import { FORMATION_PROTOCOL } from '../studies/runFormation.js';
import { runPulse } from '../studies/runPulse.js';
import { rateProtocol } from '../studies/runRate.js';
import { parseCarbonType } from './carbonTypeOption.js';

interface SimulateFlags {
  readonly ncm: string;
  readonly se: string;
  readonly carbon: string;
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

const PROTOCOLS = ['formation', 'rate', 'cycling', 'pulse'] as const;

function parseSideReactions(text: string): boolean {
  if (text === 'on') return true;
  if (text === 'off') return false;
  return invalidInput('--side-reactions', text, 'one of "on", "off"');
}

function setupFromFlags(flags: SimulateFlags): CellSetup {
  return {
    massFractions_wtPct: {
      ncm: parseNumberOption('--ncm', flags.ncm),
      se: parseNumberOption('--se', flags.se),
      carbon: parseNumberOption('--carbon', flags.carbon),
    },
    carbonShape: parseCarbonType(flags.carbonType),
    porosity: parseNumberOption('--porosity', flags.porosity),
    arealCapacity_C_per_m2: fromMilliampHoursPerSquareCm(
      parseBoundedOption('--loading-mah-cm2', flags.loadingMahCm2, {
        min: 0.1,
        max: 20,
        unit: 'mAh/cm²',
      }),
    ),
    temperature_K: fromCelsius(
      parseBoundedOption('--temperature-c', flags.temperatureC, { min: -40, max: 120, unit: '°C' }),
    ),
    sideReactions: parseSideReactions(flags.sideReactions),
  };
}

function protocolFromFlags(flags: SimulateFlags): { name: string; protocol: Protocol } {
  if (flags.step !== undefined && flags.step.length > 0) {
    if (flags.protocol !== undefined)
      invalidInput('--protocol', flags.protocol, 'nothing when --step is given');
    return { name: 'custom', protocol: flags.step };
  }
  const name = flags.protocol ?? 'formation';
  const cycles = parseBoundedOption('--cycles', flags.cycles, {
    min: 1,
    max: 5000,
    unit: 'cycles',
    integer: true,
  });
  const cRate = parseBoundedOption('--c-rate', flags.cRate, {
    min: 0.001,
    max: 20,
    unit: 'C',
    minExclusive: false,
  });
  switch (name) {
    case 'formation':
      return { name, protocol: [...FORMATION_PROTOCOL] };
    case 'rate':
      return { name, protocol: rateProtocol(PAPER_SETTINGS.rateCRates) };
    case 'cycling':
      return { name, protocol: cyclingProtocol(cRate, cycles) };
    case 'pulse':
      return { name, protocol: [] };
    default:
      return invalidInput(
        '--protocol',
        name,
        `one of ${PROTOCOLS.map((p) => `"${p}"`).join(', ')}`,
      );
  }
}

/** Runs the simulation and prints/writes its results. */
export function runSimulate(flags: SimulateFlags, output: CommandOutput): void {
  const setup = setupFromFlags(flags);
  const { name, protocol } = protocolFromFlags(flags);
  const config = cellModelConfig(setup);
  const settings = {
    composition_wtPct: setup.massFractions_wtPct,
    carbonShape: setup.carbonShape,
    porosity: setup.porosity,
    electrodeVolumeFractions: config.electrode.volumeFractions,
    arealCapacity_mAh_per_cm2: setup.arealCapacity_C_per_m2 / 36_000,
    temperature_K: setup.temperature_K,
    sideReactions: setup.sideReactions,
    plugins: cellPlugins(setup).map((p) => p.id),
    protocol:
      name === 'pulse'
        ? [
            '0.05C charge in 10-minute segments, each followed by a 1-minute 1C pulse and 10 minutes rest, until 3.7 V',
          ]
        : protocol,
    voltageReference: 'Li-In (0.62 V vs Li/Li⁺)',
  };
  if (name === 'pulse') {
    const pulse = runWithProgress('pulse test', false, (onProgress) => runPulse(setup, onProgress));
    if (flags.out !== undefined) {
      const rows = pulse.pulses.map((p) => `${p.voltageVsLiIn_V},${p.polarization_mV}`).join('\n');
      writeFileAtomic(
        join(flags.out, 'pulses.csv'),
        `voltage_before_pulse_vs_LiIn_V,polarization_mV\n${rows}\n`,
      );
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
  const rate =
    name === 'rate'
      ? PAPER_SETTINGS.rateCRates.map((cRate, k) => ({
          cRate,
          dischargeMahG: cycles[k + 1]?.dischargeMahG ?? 0,
        }))
      : undefined;
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
    writeFileAtomic(join(flags.out, 'timeseries.csv'), toCsv(result));
    writeFileAtomic(join(flags.out, 'cycles.csv'), cyclesToCsv(result));
    writeFileAtomic(join(flags.out, 'settings.json'), `${JSON.stringify(resolved, null, 2)}\n`);
    output.message(`wrote timeseries.csv, cycles.csv and settings.json to ${flags.out}`);
  }
  if (flags.json) {
    output.json({
      settings: resolved,
      summary: { cycles, ...(rate ? { rate } : {}) },
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
      `${String(c.index).padStart(5)}  ${c.chargeMahG.toFixed(1).padStart(14)}  ${c.dischargeMahG.toFixed(1).padStart(17)}  ${(c.coulombicEfficiencyPct ?? Number.NaN).toFixed(1).padStart(6)}  ${c.irreversibleMahG.toFixed(1).padStart(20)}`,
    );
  }
  for (const r of rate ?? []) output.text(`rate ${r.cRate}C: ${r.dischargeMahG.toFixed(1)} mAh/g`);
}

/** Registers the command. */
export function registerSimulateCommand(program: Command, output: CommandOutput): void {
  program
    .command('simulate')
    .description(
      'simulate a composite electrode vs Li-In through a paper protocol or readable steps',
    )
    .requiredOption('--ncm <wt%>', 'NCM811 mass fraction in wt%')
    .requiredOption('--se <wt%>', 'Li6PS5Cl mass fraction in wt%')
    .requiredOption('--carbon <wt%>', 'carbon additive mass fraction in wt%')
    .option(
      '--carbon-type <sc|cf>',
      'carbon additive: sc = spherical carbon black, cf = carbon fibre',
      'sc',
    )
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
    .option('--out <dir>', 'write timeseries.csv, cycles.csv and settings.json here')
    .option('--json', 'print one JSON document on stdout')
    .action((flags: SimulateFlags) => runSimulate(flags, output));
}
