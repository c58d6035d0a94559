// The validated input of the composition maths: wt%, carbon shape, porosity.
import { z } from 'zod';
import { assertValidMassFractions, POROSITY_UPPER_BOUND } from '../composition/volumeFractions.js';
import { boundedNumber, oneOf, parseInput } from './schemas.js';

const wtPct = boundedNumber({ min: 0, max: 100, unit: 'wt%' });

/** Schema of a composition: wt% of NCM, SE, carbon (and optional binder), carbon shape, porosity. */
export const compositionInputSchema = z.strictObject({
  massFractions_wtPct: z.strictObject({
    ncm: wtPct,
    se: wtPct,
    carbon: wtPct,
    binder: wtPct.optional(),
  }),
  carbonShape: oneOf(['spherical', 'fiber']),
  porosity: boundedNumber({
    min: 0,
    max: POROSITY_UPPER_BOUND,
    unit: '(volume fraction)',
    maxExclusive: true,
  }).default(0),
});

/** A validated composition. */
export type CompositionInput = z.output<typeof compositionInputSchema>;

/**
 * Validates a composition; the wt% must sum to 100 (never normalised).
 * @throws SolidCellError `E_INVALID_INPUT` or `E_COMPOSITION_SUM`.
 */
export function parseCompositionInput(input: unknown): CompositionInput {
  const parsed = parseInput(compositionInputSchema, input);
  assertValidMassFractions(parsed.massFractions_wtPct, 'massFractions_wtPct');
  return parsed;
}
