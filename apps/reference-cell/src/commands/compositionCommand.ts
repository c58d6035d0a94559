// `solidcell composition`: wt% → solid and electrode volume fractions (mechanism M1).
import { describeComposition, parseCompositionInput } from '@solidcell/core';
import type { Command } from 'commander';
import type { CommandOutput } from '../cli/output.js';
import { parseNumberOption } from '../cli/parseNumberOption.js';
import { parseCarbonType, withCarbonTypeOption } from './carbonTypeOption.js';
import { formatFractionTable } from './formatFractions.js';

interface CompositionFlags {
  readonly ncm: string;
  readonly se: string;
  readonly carbon: string;
  readonly binder: string;
  readonly carbonType: string;
  readonly porosity: string;
  readonly json?: boolean;
}

/** Computes and prints the phase fractions of one composition. */
export function runComposition(flags: CompositionFlags, output: CommandOutput): void {
  const carbonShape = parseCarbonType(flags.carbonType);
  const input = parseCompositionInput({
    massFractions_wtPct: {
      ncm: parseNumberOption('--ncm', flags.ncm),
      se: parseNumberOption('--se', flags.se),
      carbon: parseNumberOption('--carbon', flags.carbon),
      binder: parseNumberOption('--binder', flags.binder),
    },
    carbonShape,
    porosity: parseNumberOption('--porosity', flags.porosity),
  });
  const description = describeComposition(input);
  if (flags.json) {
    output.json({ composition: input, ...description });
    return;
  }
  const { ncm, se, carbon } = input.massFractions_wtPct;
  output.text(
    `${ncm}/${se}/${carbon} wt% NCM/SE/${carbonShape === 'spherical' ? 'SC' : 'CF'}, porosity ${input.porosity}`,
  );
  for (const line of formatFractionTable(
    description.solidVolumeFractions,
    description.electrodeVolumeFractions,
  )) {
    output.text(line);
  }
}

/** Registers the command. */
export function registerCompositionCommand(program: Command, output: CommandOutput): void {
  withCarbonTypeOption(program.command('composition'))
    .description(
      'phase volume fractions of a composite electrode from its wt% (volumetric occupation, M1)',
    )
    .requiredOption('--ncm <wt%>', 'NCM811 mass fraction in wt%')
    .requiredOption('--se <wt%>', 'Li6PS5Cl mass fraction in wt%')
    .requiredOption('--carbon <wt%>', 'carbon additive mass fraction in wt%')
    .option('--binder <wt%>', 'binder (PTFE) mass fraction in wt%', '0')
    .option(
      '--porosity <fraction>',
      'residual pore volume fraction of the electrode, 0 ≤ ε < 0.9',
      '0',
    )
    .option('--json', 'print one JSON document on stdout')
    .action((flags: CompositionFlags) => runComposition(flags, output));
}
