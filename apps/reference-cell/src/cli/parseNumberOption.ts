// Strict parsing of numeric command-line values: the whole string must be a finite decimal number
// (no hex, binary or octal literals), and bounded options name their allowed range.
import { availableParallelism } from 'node:os';
import { describeBounds, invalidInput, type NumberBounds } from '@solidcell/core';

/** A decimal number with optional sign, fraction and exponent (what `Number` reads besides 0x/0b/0o). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** Parses `text` as a finite decimal number, or throws naming the flag. */
export function parseNumberOption(flag: string, text: string): number {
  const trimmed = text.trim();
  const value = DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isFinite(value)) invalidInput(flag, text, 'a finite decimal number');
  return value;
}

/** Parses a number and checks it against bounds (integer, range, exclusivity). */
export function parseBoundedOption(flag: string, text: string, bounds: NumberBounds): number {
  const value = parseNumberOption(flag, text);
  const belowMin = bounds.minExclusive ? value <= bounds.min : value < bounds.min;
  const aboveMax = bounds.maxExclusive ? value >= bounds.max : value > bounds.max;
  if (belowMin || aboveMax || (bounds.integer && !Number.isInteger(value))) {
    invalidInput(flag, text, describeBounds(bounds));
  }
  return value;
}

/** Parses `--seed`: an unsigned 32-bit integer. */
export function parseSeedOption(text: string): number {
  return parseBoundedOption('--seed', text, { min: 0, max: 4294967295, unit: '', integer: true });
}

/** `--jobs`: worker threads, 1–64; the machine's cores when not given. */
export function parseJobsOption(text: string | undefined): number {
  if (text === undefined) return availableParallelism();
  return parseBoundedOption('--jobs', text, { min: 1, max: 64, unit: 'threads', integer: true });
}
