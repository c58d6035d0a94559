// The `--carbon-type sc|cf` flag shared by several commands.
import { type CarbonShape, invalidInput } from '@solidcell/core';

/** Maps the paper's abbreviations to carbon shapes. */
export function parseCarbonType(text: string): CarbonShape {
  if (text === 'sc') return 'spherical';
  if (text === 'cf') return 'fiber';
  return invalidInput('--carbon-type', text, 'one of "sc" (spherical carbon), "cf" (carbon fibre)');
}
