// `solidcell reproduce`: re-runs the study of Kim et al. 2024. Stage implemented so far: the
// volumetric occupation of every electrode of the paper (mechanism M1).
import { describeComposition, parseCompositionInput } from '@solidcell/core';
import type { Command } from 'commander';
import type { CommandOutput } from '../cli/output.js';
import { parseNumberOption } from '../cli/parseNumberOption.js';
import { PAPER_ELECTRODES } from '../paperElectrodes.js';
import { formatFractionTable } from './formatFractions.js';

interface ReproduceFlags {
  readonly porosity: string;
  readonly json?: boolean;
}

/** Computes the volume fractions of every electrode of the paper. */
export function runReproduce(flags: ReproduceFlags, output: CommandOutput): void {
  const porosity = parseNumberOption('--porosity', flags.porosity);
  const electrodes = PAPER_ELECTRODES.map((electrode) => {
    const input = parseCompositionInput({
      massFractions_wtPct: electrode.massFractions_wtPct,
      carbonShape: electrode.carbonShape,
      porosity,
    });
    return { id: electrode.id, description: electrode.description, ...describeComposition(input) };
  });
  if (flags.json) {
    output.json({ stages: ['composition'], electrodes });
    return;
  }
  output.message('reproduce: stage 1 — volumetric occupation of the paper electrodes');
  for (const electrode of electrodes) {
    output.text(`\n${electrode.id}: ${electrode.description}`);
    for (const line of formatFractionTable(
      electrode.solidVolumeFractions,
      electrode.electrodeVolumeFractions,
    )) {
      output.text(`  ${line}`);
    }
  }
}

/** Registers the command. */
export function registerReproduceCommand(program: Command, output: CommandOutput): void {
  program
    .command('reproduce')
    .description('reproduce the study of Kim et al., Adv. Funct. Mater. 2024 (paper electrodes)')
    .option('--porosity <fraction>', 'residual pore volume fraction of every electrode', '0')
    .option('--json', 'print one JSON document on stdout')
    .action((flags: ReproduceFlags) => runReproduce(flags, output));
}
