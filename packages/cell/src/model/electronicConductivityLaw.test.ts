import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ElectronicConductivityLaw } from './electronicConductivityLaw.js';

describe('ElectronicConductivityLaw', () => {
  it('passes through its samples and follows the power law between them', () => {
    // σ_eff = 2 σ_NCM^0.5 sampled at 1e-3 and 1 S/m.
    const law = new ElectronicConductivityLaw([
      { ncmConductivity_S_per_m: 1, effectiveConductivity_S_per_m: 2 },
      { ncmConductivity_S_per_m: 1e-3, effectiveConductivity_S_per_m: 2 * Math.sqrt(1e-3) },
    ]);
    expect(law.at(1e-3)).toBeCloseTo(2 * Math.sqrt(1e-3), 12);
    expect(law.at(1)).toBeCloseTo(2, 12);
    expect(law.at(0.04)).toBeCloseTo(2 * 0.2, 12);
  });

  it('scales linearly with σ_NCM from a single sample (a pure NCM network)', () => {
    const law = new ElectronicConductivityLaw([
      { ncmConductivity_S_per_m: 1e-3, effectiveConductivity_S_per_m: 4e-4 },
    ]);
    expect(law.at(1)).toBeCloseTo(0.4, 12);
  });

  it('is monotone non-decreasing with a log-slope in [0, 1] for any two samples', () => {
    const positive = fc.double({ min: -6, max: 3, noNaN: true }).map((e) => 10 ** e);
    fc.assert(
      fc.property(positive, positive, positive, positive, positive, (a, b, ea, eb, q) => {
        fc.pre(Math.abs(Math.log(a / b)) > 1e-6);
        const law = new ElectronicConductivityLaw([
          { ncmConductivity_S_per_m: a, effectiveConductivity_S_per_m: ea },
          { ncmConductivity_S_per_m: b, effectiveConductivity_S_per_m: eb },
        ]);
        const lo = law.at(q);
        const hi = law.at(q * 2);
        expect(hi).toBeGreaterThanOrEqual(lo * (1 - 1e-12));
        expect(hi).toBeLessThanOrEqual(2 * lo * (1 + 1e-12));
      }),
      { numRuns: 200, seed: 17 },
    );
  });

  it('rejects an empty or non-positive sample set naming the field', () => {
    expect(() => new ElectronicConductivityLaw([])).toThrow(/electronicConductivitySamples/);
    expect(
      () =>
        new ElectronicConductivityLaw([
          { ncmConductivity_S_per_m: 1, effectiveConductivity_S_per_m: 0 },
        ]),
    ).toThrow(/electronicConductivitySamples\[0\]\.effectiveConductivity_S_per_m/);
  });
});
