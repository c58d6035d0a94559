import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSolidCellError, type SolidCellError } from '../errors/SolidCellError.js';
import { parseCompositionInput } from './compositionInput.js';

function rejection(input: unknown): SolidCellError {
  try {
    parseCompositionInput(input);
  } catch (error) {
    if (isSolidCellError(error)) return error;
    throw error;
  }
  throw new Error('expected a SolidCellError');
}

const valid = { massFractions_wtPct: { ncm: 90, se: 7, carbon: 3 }, carbonShape: 'spherical' };

describe(parseCompositionInput, () => {
  it('accepts a valid composition and defaults porosity to 0', () => {
    expect(parseCompositionInput(valid).porosity).toBe(0);
  });

  it('names field, value and range for an out-of-range wt%', () => {
    const error = rejection({ ...valid, massFractions_wtPct: { ncm: 120, se: -23, carbon: 3 } });
    expect(error.code).toBe('E_INVALID_INPUT');
    expect(error.field).toBe('massFractions_wtPct.ncm');
    expect(error.value).toBe(120);
    expect(error.message).toBe(
      'massFractions_wtPct.ncm = 120 is not allowed: expected a finite number 0 ≤ x ≤ 100 wt%',
    );
  });

  it('rejects a wrong sum with E_COMPOSITION_SUM', () => {
    expect(rejection({ ...valid, massFractions_wtPct: { ncm: 90, se: 8, carbon: 3 } }).code).toBe(
      'E_COMPOSITION_SUM',
    );
  });

  it('rejects non-numeric strings', () => {
    const error = rejection({ ...valid, massFractions_wtPct: { ncm: '90', se: 7, carbon: 3 } });
    expect(error.field).toBe('massFractions_wtPct.ncm');
    expect(error.message).toContain('"90"');
  });

  it('rejects an unknown carbon shape with the allowed set', () => {
    const error = rejection({ ...valid, carbonShape: 'nanotube' });
    expect(error.message).toBe(
      'carbonShape = "nanotube" is not allowed: expected one of "spherical", "fiber"',
    );
  });

  it('rejects unknown fields', () => {
    const error = rejection({ ...valid, ncm: 90 });
    expect(error.message).toContain('unknown field "ncm"');
  });

  it('rejects porosity ≥ 0.9', () => {
    expect(rejection({ ...valid, porosity: 0.95 }).field).toBe('porosity');
  });

  it('never accepts NaN, ±Infinity or negative values anywhere (property)', () => {
    const bad = fc.oneof(
      fc.constant(Number.NaN),
      fc.constant(Number.POSITIVE_INFINITY),
      fc.constant(Number.NEGATIVE_INFINITY),
      fc.double({ max: -1e-9, noNaN: true }),
    );
    fc.assert(
      fc.property(bad, fc.constantFrom('ncm', 'se', 'carbon'), (value, phase) => {
        const error = rejection({
          ...valid,
          massFractions_wtPct: { ...valid.massFractions_wtPct, [phase]: value },
        });
        expect(error.field).toBe(`massFractions_wtPct.${phase}`);
      }),
    );
  });
});
