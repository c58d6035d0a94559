import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as units from './conversions.js';

describe('unit conversions', () => {
  it('converts the customary battery units to SI', () => {
    expect(units.fromMilliampHoursPerGram(200)).toBe(720_000);
    expect(units.fromMilliampHoursPerSquareCm(6)).toBe(216_000);
    expect(units.fromMilliSiemensPerCm(2)).toBeCloseTo(0.2, 15);
    expect(units.fromGramsPerCubicCm(0.67)).toBeCloseTo(670, 12);
    expect(units.fromCelsius(60)).toBeCloseTo(333.15, 12);
    expect(units.fromMilliampsPerSquareCm(1.2)).toBeCloseTo(12, 12);
  });

  it('gives 1.2 mA/cm² for 0.2C at 6.0 mAh/cm² (parameters.md §9)', () => {
    const i = units.currentDensityFromCRate_A_per_m2(0.2, units.fromMilliampHoursPerSquareCm(6));
    expect(units.toMilliampsPerSquareCm(i)).toBeCloseTo(1.2, 12);
    expect(units.cRateFromCurrentDensity(i, units.fromMilliampHoursPerSquareCm(6))).toBeCloseTo(
      0.2,
      12,
    );
  });

  it('puts 3.7 V vs Li-In at 4.32 V vs Li', () => {
    expect(units.fromVsLiIn(3.7)).toBeCloseTo(4.32, 12);
    expect(units.toVsLiIn(4.32)).toBeCloseTo(3.7, 12);
  });

  it('round-trips every pair of conversions (property)', () => {
    const pairs: [(x: number) => number, (x: number) => number][] = [
      [units.fromMilliampHoursPerGram, units.toMilliampHoursPerGram],
      [units.fromMilliampHoursPerSquareCm, units.toMilliampHoursPerSquareCm],
      [units.fromMilliSiemensPerCm, units.toMilliSiemensPerCm],
      [units.fromGramsPerCubicCm, units.toGramsPerCubicCm],
      [units.fromMicrometres, units.toMicrometres],
      [units.fromMilliampsPerSquareCm, units.toMilliampsPerSquareCm],
      [units.fromCelsius, units.toCelsius],
      [units.fromVsLiIn, units.toVsLiIn],
    ];
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        for (const [from, to] of pairs) {
          // °C below absolute zero is refused (next test); every other x round-trips.
          if (from === units.fromCelsius && x <= -273.15) continue;
          expect(to(from(x))).toBeCloseTo(x, 6);
        }
      }),
    );
  });

  it('refuses NaN, ±∞ and temperatures at or below absolute zero (reliability class 11)', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -300, -273.15]) {
      expect(() => units.fromCelsius(bad)).toThrow(
        /temperature_C = \S+ is not allowed: expected a finite temperature > −273.15 °C/,
      );
    }
  });
});
