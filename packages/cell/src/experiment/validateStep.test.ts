import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandProtocol } from './expandProtocol.js';
import { parseStep } from './parseStep.js';
import { STEP_BOUNDS, validateStep } from './validateStep.js';

function rejection(body: () => unknown): string {
  try {
    body();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a rejection');
}

describe('protocol steps are bounded like flags (reliability class 6)', () => {
  it.each([
    [
      'Charge at 1000C until 3.7 V',
      /protocol\[0\]\.current\.cRate = 1000 is not allowed: expected a finite number 0.001 ≤ x ≤ 20 C/,
    ],
    ['Charge at 0C until 3.7 V', /cRate = 0 is not allowed/],
    [
      'Rest for 1e12 hours',
      /protocol\[0\]\.until\[0\]\.duration_s = 3600000000000000 is not allowed/,
    ],
    [
      'Hold at 100 V for 1 s',
      /voltageVsLiIn_V = 100 is not allowed: expected a finite number 0 ≤ x ≤ 5 V vs Li-In/,
    ],
    ['Hold at -5 V for 1 s', /voltageVsLiIn_V = -5 is not allowed/],
    ['Charge at 0.1C until 100 V', /until\[0\]\.voltageVsLiIn_V = 100/],
    ['Sweep from 2 V to 4 V at 1e-9 mV/s', /scanRate_V_per_s = 1\.0+\d*e-12 is not allowed/],
  ])('%s → E_INVALID_INPUT naming the quantity', (text, message) => {
    expect(rejection(() => expandProtocol([text]))).toMatch(message);
  });

  it('refuses typed steps of unknown kind, unknown fields, bad directions, and empty or non-list protocols', () => {
    expect(rejection(() => expandProtocol([{ kind: 'teleport' } as never]))).toMatch(
      /protocol\[0\]\.kind = "teleport"/,
    );
    expect(
      rejection(() =>
        validateStep('s', { kind: 'rest', until: [{ kind: 'time', duration_s: 1 }], x: 1 }),
      ),
    ).toMatch(/s\.x = 1 is not allowed: expected no such field/);
    expect(
      rejection(() =>
        validateStep('s', {
          kind: 'current',
          direction: 'sideways',
          current: { cRate: 1 },
          until: [{ kind: 'time', duration_s: 1 }],
        }),
      ),
    ).toMatch(/s\.direction = "sideways"/);
    expect(rejection(() => expandProtocol([]))).toMatch(
      /protocol = \[\] is not allowed: expected a non-empty list/,
    );
    expect(rejection(() => expandProtocol(null as never))).toMatch(/protocol = null/);
    expect(rejection(() => expandProtocol([42 as never]))).toMatch(/protocol\[0\] = 42/);
    expect(rejection(() => parseStep(123 as never))).toMatch(/protocol step = 123/);
  });

  it('accepts every in-range C-rate, voltage and duration, refuses every one outside (property)', () => {
    const { cRate, voltageVsLiIn_V: volts, duration_s } = STEP_BOUNDS;
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -1e8, max: 1e8, noNaN: true }),
        (rate, voltage, duration) => {
          const step = {
            kind: 'current',
            direction: 'charge',
            current: { cRate: rate },
            until: [
              { kind: 'voltage', voltageVsLiIn_V: voltage },
              { kind: 'time', duration_s: duration },
            ],
          };
          const inRange =
            rate >= cRate.min &&
            rate <= cRate.max &&
            voltage >= volts.min &&
            voltage <= volts.max &&
            duration > duration_s.min &&
            duration <= duration_s.max;
          if (inRange) expect(() => validateStep('s', step)).not.toThrow();
          else expect(() => validateStep('s', step)).toThrow(/is not allowed/);
        },
      ),
      { numRuns: 500, seed: 6 },
    );
  });
});
