// Reliability class 12: a current step that drives an NCM surface past full lithiation ends with
// that physical reason (a step that cannot start is "not started"), not a bare solver message.
import { describe, expect, it } from 'vitest';
import { fixtureConfig } from '../testing/cell.fixtures.js';
import { physicalLimitOf } from './physicalLimit.js';
import { createCellModel, simulateExperiment } from './simulateExperiment.js';

/** A fixture cell whose NCM is fully lithiated (x = 1 everywhere). */
function fullCell() {
  const model = createCellModel(
    fixtureConfig({ electrode: { ...fixtureConfig().electrode, initialLithiation: 1 } }),
  );
  const y = new Float64Array(model.size);
  model.initialState(y);
  return { model, y };
}

describe('physical limits of a current step', () => {
  it('a discharge of a fully lithiated NCM is blocked at every node; a charge is not', () => {
    const { model, y } = fullCell();
    const oneC = model.referenceCapacity_C_per_m2 / 3600;
    const discharge = physicalLimitOf(model, y, 0, -0.1 * oneC);
    expect(discharge?.field).toBe('electrode.ncmSurfaceLithiation');
    expect(discharge?.blocksStep).toBe(true);
    expect(discharge?.reason).toMatch(
      /^the NCM surface is fully lithiated \(x_s = 1\.000000 at (\d+) of \1 nodes\)/,
    );
    expect(physicalLimitOf(model, y, 0, 0.1 * oneC)).toBeUndefined();
  });

  it('a discharge that cannot start is reported as not started, with the reason', () => {
    const { model } = fullCell();
    const result = simulateExperiment(model, [
      'Discharge at 0.1C until 2.5 V',
      'Charge at 0.1C for 60 s',
    ]);
    const [discharge, charge] = result.steps;
    expect(discharge?.notStarted).toBe(true);
    expect(discharge?.charge_C_per_m2).toBe(0);
    expect(discharge?.endedBy).toContain('the NCM surface is fully lithiated');
    expect(discharge?.endedBy).toContain('past the 2.5 V cut-off at once');
    // The cell is left as it was: the next step runs.
    expect(charge?.notStarted).toBe(false);
    expect(charge?.endReason).toBe('time');
  });
});
