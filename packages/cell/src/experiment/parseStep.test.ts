import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandProtocol } from './expandProtocol.js';
import type { CurrentSpec, CurrentStep, EndCondition, ProtocolStep } from './ProtocolStep.js';
import { repeat } from './ProtocolStep.js';
import { formatStep, parseStep } from './parseStep.js';

describe('parseStep', () => {
  it('reads the PyBaMM-style examples (voltages vs Li-In)', () => {
    expect(parseStep('Charge at 0.05C until 3.7 V')).toEqual({
      kind: 'current',
      direction: 'charge',
      current: { cRate: 0.05 },
      until: [{ kind: 'voltage', voltageVsLiIn_V: 3.7 }],
    });
    expect(parseStep('Discharge at 1C until 2.5 V')).toMatchObject({
      direction: 'discharge',
      current: { cRate: 1 },
    });
    expect(parseStep('Rest for 10 minutes')).toEqual({
      kind: 'rest',
      until: [{ kind: 'time', duration_s: 600 }],
    });
    expect(parseStep('Hold at 3.7 V until C/50')).toEqual({
      kind: 'voltage',
      voltageVsLiIn_V: 3.7,
      until: [{ kind: 'current', current: { cRate: 1 / 50 } }],
    });
    expect(parseStep('Charge at 1C for 1 minute')).toMatchObject({
      until: [{ kind: 'time', duration_s: 60 }],
    });
  });

  it('reads currents in mA/cm2, A/m2 and mA, capacities and several conditions joined by "or"', () => {
    expect(parseStep('Charge at 1.2 mA/cm2 until 3.7 V or 20 hours')).toEqual({
      kind: 'current',
      direction: 'charge',
      current: { currentDensity_A_per_m2: 12 },
      until: [
        { kind: 'voltage', voltageVsLiIn_V: 3.7 },
        { kind: 'time', duration_s: 72_000 },
      ],
    });
    expect((parseStep('Discharge at 0.5 mA until 100 mAh/g') as CurrentStep).until).toEqual([
      { kind: 'capacity', capacity: { specificCapacity_C_per_kg: 360_000 } },
    ]);
    expect(parseStep('discharge at 2 A/m2 until 1 mAh/cm2')).toMatchObject({
      current: { currentDensity_A_per_m2: 2 },
      until: [{ kind: 'capacity', capacity: { arealCapacity_C_per_m2: 36_000 } }],
    });
    expect(parseStep('Pulse charge at 1C for 1 minute then rest for 10 minutes')).toEqual({
      kind: 'pulse',
      direction: 'charge',
      current: { cRate: 1 },
      duration_s: 60,
      rest_s: 600,
    });
    expect(parseStep('Sweep from 2.5 V to 3.7 V to 2.5 V at 0.1 mV/s')).toEqual({
      kind: 'sweep',
      scanRate_V_per_s: 1e-4,
      vertices_V: [2.5, 3.7, 2.5],
      until: [],
    });
  });

  it('names the string and what was expected on errors', () => {
    expect(() => parseStep('Charge at fast until 3.7 V')).toThrow(
      /"Charge at fast until 3.7 V".*a current after "at"/,
    );
    expect(() => parseStep('Rest for ever')).toThrow(/"Rest for ever".*duration/);
    expect(() => parseStep('Jump')).toThrow(/"Jump": expected a step starting with/);
    expect(() => parseStep('Hold at 3.7 V until soon')).toThrow(/could not read "soon"/);
  });

  const num = fc.double({ min: 1e-6, max: 1e4, noNaN: true, noDefaultInfinity: true });
  const current: fc.Arbitrary<CurrentSpec> = fc.oneof(
    num.map((cRate) => ({ cRate })),
    num.map((current_A) => ({ current_A })),
    num.map((currentDensity_A_per_m2) => ({ currentDensity_A_per_m2 })),
  );
  const condition: fc.Arbitrary<EndCondition> = fc.oneof(
    fc
      .double({ min: -5, max: 5, noNaN: true, noDefaultInfinity: true })
      .filter((v) => !Object.is(v, -0))
      .map((v) => ({ kind: 'voltage' as const, voltageVsLiIn_V: v })),
    num.map((duration_s) => ({ kind: 'time' as const, duration_s })),
    current.map((c) => ({ kind: 'current' as const, current: c })),
    num.map((v) => ({ kind: 'capacity' as const, capacity: { specificCapacity_C_per_kg: v } })),
    num.map((v) => ({ kind: 'capacity' as const, capacity: { arealCapacity_C_per_m2: v } })),
  );
  const until = fc.array(condition, { minLength: 1, maxLength: 3 });
  const step: fc.Arbitrary<ProtocolStep> = fc.oneof(
    fc.record({
      kind: fc.constant('current' as const),
      direction: fc.constantFrom('charge' as const, 'discharge' as const),
      current,
      until,
    }),
    fc.record({ kind: fc.constant('rest' as const), until }),
    fc.record({
      kind: fc.constant('voltage' as const),
      voltageVsLiIn_V: fc.double({ min: 0, max: 5, noNaN: true }).filter((v) => !Object.is(v, -0)),
      until,
    }),
    fc.record({
      kind: fc.constant('pulse' as const),
      direction: fc.constantFrom('charge' as const, 'discharge' as const),
      current,
      duration_s: num,
      rest_s: num,
    }),
    fc.record({
      kind: fc.constant('sweep' as const),
      scanRate_V_per_s: num,
      vertices_V: fc.array(
        fc.double({ min: 0, max: 5, noNaN: true }).filter((v) => !Object.is(v, -0)),
        { minLength: 2, maxLength: 4 },
      ),
      until: fc.array(condition, { maxLength: 2 }),
    }),
  );

  it('round-trips every typed step through formatStep → parseStep (1000 random steps; −0 excluded)', () => {
    fc.assert(
      fc.property(step, (s) => {
        expect(parseStep(formatStep(s))).toEqual(s);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('expandProtocol', () => {
  it('expands repeats (2 × 2 steps) and splits a pulse into a current step and a rest', () => {
    const steps = expandProtocol([
      repeat(2, ['Charge at 1C until 3.7 V', 'Discharge at 1C until 2.5 V']),
      'Pulse charge at 1C for 60 s then rest for 600 s',
    ]);
    expect(steps.map((s) => s.step.kind)).toEqual([
      'current',
      'current',
      'current',
      'current',
      'current',
      'rest',
    ]);
    expect(steps[4]!.step).toMatchObject({ until: [{ kind: 'time', duration_s: 60 }] });
    expect(steps[5]!.step).toMatchObject({ until: [{ kind: 'time', duration_s: 600 }] });
  });

  it('rejects a negative repeat count naming the field', () => {
    expect(() => expandProtocol([repeat(-1, ['Rest for 1 s'])])).toThrow(/protocol.repeat.count/);
  });
});
