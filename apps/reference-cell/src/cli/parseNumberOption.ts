// Strict parsing of numeric command-line values: the whole string must be a finite number.
import { invalidInput } from '@solidcell/core';

/** Parses `text` as a finite decimal number, or throws naming the flag. */
export function parseNumberOption(flag: string, text: string): number {
  const trimmed = text.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value)) invalidInput(flag, text, 'a finite number');
  return value;
}
