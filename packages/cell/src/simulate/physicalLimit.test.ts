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

describe('states next to full lithiation (issue 21 item 12, seed-3 survey)', () => {
  /** A fixture cell at a uniform lithiation, its state and 1C. */
  function cellAt(initialLithiation: number) {
    const model = createCellModel(
      fixtureConfig({ electrode: { ...fixtureConfig().electrode, initialLithiation } }),
    );
    const y = new Float64Array(model.size);
    model.initialState(y);
    return { model, y, oneC: model.referenceCapacity_C_per_m2 / 3600 };
  }

  it('names a charge in which one node lags at full lithiation, not a uniformly full NCM', () => {
    const { model, y, oneC } = cellAt(0.9);
    expect(physicalLimitOf(model, y, 0, 0.1 * oneC)).toBeUndefined();
    y[model.nodeOffset(1) + 3] = (1 - 1.5e-4) * model.maxConcentration_mol_per_m3;
    const limit = physicalLimitOf(model, y, 0, 0.1 * oneC);
    expect(limit?.field).toBe('electrode.ncmSurfaceLithiation');
    expect(limit?.value).toBeCloseTo(1 - 1.5e-4, 9);
    expect(limit?.blocksStep).toBe(false);
    expect(limit?.reason).toMatch(
      /^the NCM surface is still fully lithiated at 1 of \d+ nodes \(x_s up to 0\.999850\)/,
    );
    // Outside the margin (1 − x_s = 1e-2) the state is not at its limit.
    y[model.nodeOffset(1) + 3] = 0.99 * model.maxConcentration_mol_per_m3;
    expect(physicalLimitOf(model, y, 0, 0.1 * oneC)).toBeUndefined();
  });

  it('names a discharge that starts at a nearly full NCM (every node within 5 %)', () => {
    const nearlyFull = cellAt(0.977);
    const limit = physicalLimitOf(nearlyFull.model, nearlyFull.y, 0, -0.05 * nearlyFull.oneC);
    expect(limit?.field).toBe('electrode.ncmSurfaceLithiation');
    expect(limit?.reason).toMatch(/^the discharge starts at a nearly fully lithiated NCM/);
    const halfFull = cellAt(0.9);
    expect(physicalLimitOf(halfFull.model, halfFull.y, 0, -0.05 * halfFull.oneC)).toBeUndefined();
  });
});
