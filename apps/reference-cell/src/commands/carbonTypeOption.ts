// The `--carbon-type sc|cf` flag shared by several commands: its declaration and its parser.
import { type CarbonShape, invalidInput } from '@solidcell/core';
import type { Command } from 'commander';

/** Declares `--carbon-type <sc|cf>` (default sc) on a command. */
export function withCarbonTypeOption(command: Command): Command {
  return command.option(
    '--carbon-type <sc|cf>',
    'carbon additive: sc = spherical carbon black, cf = carbon fibre',
    'sc',
  );
}

/** Maps the paper's abbreviations to carbon shapes. */
export function parseCarbonType(text: string): CarbonShape {
  if (text === 'sc') return 'spherical';
  if (text === 'cf') return 'fiber';
  return invalidInput('--carbon-type', text, 'one of "sc" (spherical carbon), "cf" (carbon fibre)');
}
