// Robustness of formation over the whole input space of `solidcell simulate` (issue 21 item 12):
// a formation run with any in-range composition, carbon type, porosity, loading, temperature and
// side-reaction switch either solves, ends a step with a named physical reason (a step that
// cannot start, an NCM at full lithiation, side reactions holding the voltage) or fails with an
// error naming the physical state (`field` = the electrode quantity at its limit) — never with
// an unnamed step-size collapse or non-converged initialisation. Runs on the CLI's mesh (40 draws
// + 6 survey cases) and one survey case on the coarse mesh of quick runs. `--c-rate` is not drawn: it only sets the cycling protocol, not formation.
import { type SimulationResult, simulateExperiment } from '@solidcell/cell';
import { isSolidCellError, POROSITY_UPPER_BOUND } from '@solidcell/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIMULATE_FLAG_BOUNDS } from '../commands/simulateCommand.js';
import { type CellSetup, cellModelConfig } from './cellSetup.js';
import { FORMATION_PROTOCOL } from './runFormation.js';

type Outcome = 'solved' | 'named end' | 'named failure' | 'invalid input';

const { loadingMahCm2: loading, temperatureC: temperature } = SIMULATE_FLAG_BOUNDS;

/** A `simulate --protocol formation` input inside every declared bound (wt% in 0.1 steps). */
const formationInputs = fc
  .record({
    cuts: fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })),
    carbonShape: fc.constantFrom('spherical' as const, 'fiber' as const),
    porosity: fc.double({ min: 0, max: POROSITY_UPPER_BOUND, maxExcluded: true, noNaN: true }),
    log10Loading: fc.double({
      min: Math.log10(loading.min),
      max: Math.log10(loading.max),
      noNaN: true,
    }),
    temperatureC: fc.double({ min: temperature.min, max: temperature.max, noNaN: true }),
    sideReactions: fc.boolean(),
  })
  .map(({ cuts, log10Loading, temperatureC, ...rest }): CellSetup => {
    const [low, high] = cuts[0] <= cuts[1] ? cuts : [cuts[1], cuts[0]];
    return {
      ...rest,
      massFractions_wtPct: { ncm: (high - low) / 10, se: low / 10, carbon: (1000 - high) / 10 },
      arealCapacity_C_per_m2: 36_000 * 10 ** log10Loading,
      temperature_K: temperatureC + 273.15,
    };
  });

/** Checks a solved run and says whether a step ended for a physical reason. */
function solvedOutcome(result: SimulationResult): Outcome {
  for (const step of result.steps) expect(step.endedBy.length).toBeGreaterThan(0);
  for (const cycle of result.cycles) {
    expect(Number.isFinite(cycle.chargeCapacity_mAh_per_g)).toBe(true);
    expect(Number.isFinite(cycle.dischargeCapacity_mAh_per_g)).toBe(true);
  }
  for (const step of result.steps.filter((s) => s.notStarted)) {
    expect(step.charge_C_per_m2).toBe(0);
  }
  const physicalEnd = result.steps.some(
    (s) => s.notStarted || s.endReason === 'safety-time-limit' || s.endedBy.includes('NCM surface'),
  );
  return physicalEnd ? 'named end' : 'solved';
}

/** Runs formation; throws (failing the property) on an unnamed solver failure. */
function formationOutcome(setup: CellSetup): Outcome {
  try {
    return solvedOutcome(
      simulateExperiment(cellModelConfig(setup), FORMATION_PROTOCOL, { recordEvery: 50 }),
    );
  } catch (error) {
    if (!isSolidCellError(error)) throw error;
    const label = `${error.code} (field ${error.field}): ${error.message}`;
    if (error.code === 'E_INVALID_INPUT' || error.code === 'E_COMPOSITION_SUM') {
      expect(error.field, label).toBeDefined();
      return 'invalid input';
    }
    // A named failure carries the electrode quantity at its limit as its field.
    expect(error.field ?? '', label).toMatch(/^electrode/);
    return 'named failure';
  }
}

/** Inputs of the issue-21 survey that ended with an unnamed failure before this test existed. */
const SURVEY_FAILURES: CellSetup[] = [
  // Side reactions carried the whole charge; the discharge could not start at a full NCM.
  { ncm: 14.5, se: 62.8, carbon: 22.7, shape: 'spherical', porosity: 0.0065, load: 6.45, t: 84.9 },
  // The step size collapsed mid-charge with the NCM surface at full lithiation.
  { ncm: 51.9, se: 12.4, carbon: 35.7, shape: 'spherical', porosity: 0.7327, load: 0.212, t: 73.7 },
  // The step size collapsed 5 µV above the discharge cut-off with every NCM surface full.
  { ncm: 52.1, se: 14.3, carbon: 33.6, shape: 'fiber', porosity: 0.1564, load: 0.128, t: 38.8 },
  // Seed-3 survey: charges whose step size collapsed with a few nodes lagging at x_s ≈ 0.9998
  // while side reactions carried 60–70 % of the current (carbon fibre, 8–15 mAh/cm²).
  { ncm: 14.3, se: 68.0, carbon: 17.7, shape: 'fiber', porosity: 0.0115, load: 8.37, t: -22.0 },
  { ncm: 45.2, se: 31.5, carbon: 23.3, shape: 'fiber', porosity: 0.1922, load: 14.7, t: 13.2 },
  // Seed-3 survey: a discharge that could not be initialised at x_s ≈ 0.977 after side
  // reactions carried the charge.
  { ncm: 9.8, se: 80.0, carbon: 10.2, shape: 'spherical', porosity: 0.3545, load: 0.163, t: -7.2 },
  // The coarse mesh (10 nodes, 10 shells, rtol 3e-4): one node lagging at x_s = 0.99913.
  { ncm: 60, se: 31.9, carbon: 8.1, shape: 'spherical', porosity: 0, load: 1, t: 0, coarse: true },
].map(({ ncm, se, carbon, shape, porosity, load, t, coarse }) => ({
  massFractions_wtPct: { ncm, se, carbon },
  carbonShape: shape as CellSetup['carbonShape'],
  porosity,
  arealCapacity_C_per_m2: 36_000 * load,
  temperature_K: t + 273.15,
  sideReactions: true,
  coarse,
}));

describe('formation over the whole input range of simulate (the mesh of the CLI)', () => {
  it('ends every run solved or with a named physical reason', () => {
    const counts: Record<Outcome, number> = {
      solved: 0,
      'named end': 0,
      'named failure': 0,
      'invalid input': 0,
    };
    fc.assert(
      fc.property(formationInputs, (setup) => {
        counts[formationOutcome(setup)]++;
      }),
      {
        numRuns: 40,
        seed: 20261202,
        endOnFailure: true,
        examples: SURVEY_FAILURES.map((s) => [s]),
      },
    );
    // The draw covers cells that solve as well as cells that cannot run.
    expect(counts.solved).toBeGreaterThan(0);
    expect(counts['named failure'] + counts['named end']).toBeGreaterThan(0);
  }, 180_000);
});

describe('formation at a node lagging next to full lithiation (seed-3 survey)', () => {
  it('solves the charges whose step size collapsed while Newton pushed one surface to c_max', () => {
    // SURVEY_FAILURES[3], [4] (carbon fibre) and [6] (coarse mesh): the solver's bound projection
    // switches to half the way to c_max after a Newton failure (BdfStepper BOUND_APPROACHES).
    for (const setup of [SURVEY_FAILURES[3]!, SURVEY_FAILURES[4]!, SURVEY_FAILURES[6]!]) {
      expect(formationOutcome(setup)).toBe('solved');
    }
  }, 120_000);
});
