// Reliability class 11: the cell engine's entry points check their arguments and throw
// E_INVALID_INPUT naming the argument, instead of raw TypeErrors, silently ignored fields or
// solver failures for settings that are simply out of range.
import { isSolidCellError } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { fixtureConfig } from '../testing/cell.fixtures.js';
import { simulateExperiment } from './simulateExperiment.js';

function invalidField(body: () => unknown): string | undefined {
  try {
    body();
  } catch (error) {
    if (isSolidCellError(error) && error.code === 'E_INVALID_INPUT') return error.field;
    throw error;
  }
  throw new Error('expected E_INVALID_INPUT');
}

const rest = ['Rest for 1 s'];

describe('simulateExperiment arguments', () => {
  it.each([
    ['a null config', () => simulateExperiment(null as never, rest), 'config'],
    [
      'an unknown config field',
      () => simulateExperiment({ ...fixtureConfig(), colour: 'red' } as never, rest),
      'colour',
    ],
    [
      'an unknown counterElectrode field',
      () =>
        simulateExperiment(
          fixtureConfig({ counterElectrode: { potential_V: 0.6 } as never }),
          rest,
        ),
      'counterElectrode.potential_V',
    ],
    [
      'a NaN tolerance',
      () => simulateExperiment(fixtureConfig({ solver: { relativeTolerance: Number.NaN } }), rest),
      'solver.relativeTolerance',
    ],
    [
      'a negative tolerance',
      () => simulateExperiment(fixtureConfig({ solver: { potentialTolerance_V: -1 } }), rest),
      'solver.potentialTolerance_V',
    ],
    ['a null protocol', () => simulateExperiment(fixtureConfig(), null as never), 'protocol'],
    ['protocol [42]', () => simulateExperiment(fixtureConfig(), [42 as never]), 'protocol[0]'],
    ['an empty protocol', () => simulateExperiment(fixtureConfig(), []), 'protocol'],
    [
      'a teleport step',
      () => simulateExperiment(fixtureConfig(), [{ kind: 'teleport' } as never]),
      'protocol[0].kind',
    ],
    [
      'direction sideways',
      () =>
        simulateExperiment(fixtureConfig(), [
          {
            kind: 'current',
            direction: 'sideways',
            current: { cRate: 1 },
            until: [{ kind: 'time', duration_s: 1 }],
          } as never,
        ]),
      'protocol[0].direction',
    ],
    [
      'onProgress: 42',
      () => simulateExperiment(fixtureConfig(), rest, { onProgress: 42 as never }),
      'options.onProgress',
    ],
    [
      'recordEvery: 0',
      () => simulateExperiment(fixtureConfig(), rest, { recordEvery: 0 }),
      'options.recordEvery',
    ],
  ])('%s → E_INVALID_INPUT naming the argument', (_name, body, field) => {
    expect(invalidField(body)).toBe(field);
  });

  it('still runs a valid configuration', () => {
    expect(simulateExperiment(fixtureConfig(), rest).timeSeries.time_s.at(-1)).toBeCloseTo(1, 9);
  });
});
