// `solidcell cv`: cyclic voltammetry of a carbon–SE electrode (no NCM) with the carbon plugin's
// surface area and the argyrodite-oxidation kinetics the cell uses.
import { fromCelsius } from '@solidcell/core';
import type { Command } from 'commander';
import type { CommandOutput } from '../cli/output.js';
import { parseBoundedOption } from '../cli/parseNumberOption.js';
import { runCarbonCv } from '../studies/runCarbonCv.js';
import { parseCarbonType, withCarbonTypeOption } from './carbonTypeOption.js';

interface CvFlags {
  readonly carbonType: string;
  readonly carbonMassMg: string;
  readonly scanMvS: string;
  readonly from: string;
  readonly to: string;
  readonly temperatureC: string;
  readonly json?: boolean;
}

/** Runs the CV and prints peak values (and the curve with --json). */
export function runCv(flags: CvFlags, output: CommandOutput): void {
  const from = parseBoundedOption('--from', flags.from, { min: 0, max: 5, unit: 'V vs Li-In' });
  const to = parseBoundedOption('--to', flags.to, {
    min: from,
    max: 5,
    unit: 'V vs Li-In',
    minExclusive: true,
  });
  const report = runCarbonCv({
    carbonShape: parseCarbonType(flags.carbonType),
    carbonMass_kg:
      parseBoundedOption('--carbon-mass-mg', flags.carbonMassMg, {
        min: 0,
        max: 1000,
        unit: 'mg',
        minExclusive: true,
      }) * 1e-6,
    scanRate_V_per_s:
      parseBoundedOption('--scan-mv-s', flags.scanMvS, {
        min: 0,
        max: 1000,
        unit: 'mV/s',
        minExclusive: true,
      }) * 1e-3,
    from_V: from,
    to_V: to,
    temperature_K: fromCelsius(
      parseBoundedOption('--temperature-c', flags.temperatureC, { min: -40, max: 120, unit: '°C' }),
    ),
  });
  if (flags.json) {
    output.json(report);
    return;
  }
  output.text(
    `carbon area ${report.carbonAreaM2.toPrecision(3)} m²; peak ${report.peakCurrentMa.toPrecision(3)} mA at ${report.peakPotentialVsLiIn_V.toFixed(3)} V vs Li-In (${report.peakCurrentMaPerM2Carbon.toPrecision(3)} mA/m² of carbon)`,
  );
}

/** Registers the command. */
export function registerCvCommand(program: Command, output: CommandOutput): void {
  withCarbonTypeOption(program.command('cv'))
    .description(
      'cyclic voltammetry of a carbon–SE electrode: SE oxidation current on the carbon (M5)',
    )
    .option('--carbon-mass-mg <mg>', 'carbon mass in the electrode', '1')
    .option('--scan-mv-s <mV/s>', 'scan rate', '0.1')
    .option('--from <V>', 'start and lower vertex, V vs Li-In', '2.0')
    .option('--to <V>', 'upper vertex, V vs Li-In', '4.0')
    .option('--temperature-c <°C>', 'temperature', '25')
    .option('--json', 'print one JSON document on stdout')
    .action((flags: CvFlags) => runCv(flags, output));
}
