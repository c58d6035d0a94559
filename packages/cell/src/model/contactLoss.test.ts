import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ContactLossLaw,
  contactLossStructure,
  DEFAULT_CONTACT_LOSS_PARAMETERS,
  resolveContactLossParameters,
} from './contactLoss.js';
import { estimateDescriptors } from './estimateDescriptors.js';

const law = (overrides = {}, structure = { carbonShareOfSeDomain: 0, bridgedFraction: 0 }) =>
  new ContactLossLaw(resolveContactLossParameters(overrides), structure);

/** One full-depth delithiation from x = 1 to `to` at a constant rate: the lost fraction ℓ. */
function lossOverCharge(l: ContactLossLaw, to: number, seRatio = 0, steps = 4000): number {
  const rate = 1e-4; // −dx/dt (1/s)
  const dt = (1 - to) / rate / steps;
  let lost = 0;
  for (let i = 0; i < steps; i++) {
    const x = 1 - (i + 0.5) * rate * dt;
    lost += dt * l.lossRate(lost, x, rate, seRatio);
  }
  return lost;
}

describe('contact-loss law', () => {
  it('contracts by ΔV below the collapse onset and not above it', () => {
    const l = law();
    const p = DEFAULT_CONTACT_LOSS_PARAMETERS;
    expect(l.contraction(0.9)).toBeLessThan(1e-6);
    // The smoothing (width 0.02) shifts the ramp by ≤ w ln 2 / (x_c − x_full) of ΔV.
    expect(l.contraction(p.fullContractionLithiation)).toBeCloseTo(p.ncmVolumeContraction, 3);
  });

  it('loses no contact at zero strain, on re-lithiation, or at rest', () => {
    expect(lossOverCharge(law({ ncmVolumeContraction: 0 }), 0.2)).toBe(0);
    expect(law().lossRate(0.1, 0.3, -1e-4, 0)).toBe(0);
    expect(law().lossRate(0.1, 0.3, 0, 0)).toBe(0);
  });

  it('loses 1 − exp(−k_ε P S ΔV) of the contact over one full contraction (analytic)', () => {
    const p = DEFAULT_CONTACT_LOSS_PARAMETERS;
    const l = law();
    const to = 0; // far below x_full: the whole ramp, ε(0) = ΔV · (x_c − 0)/(x_c − x_full)
    const strain = l.contraction(to) - l.contraction(1);
    const pressure = 1 / (1 + p.stackPressure_Pa / p.gapClosingPressure_Pa);
    const expected = 1 - Math.exp(-p.contactLossPerVolumetricStrain * pressure * strain);
    expect(lossOverCharge(l, to)).toBeCloseTo(expected, 7);
  });

  it('loses more where SE was consumed, where carbon shares the SE domain, and at low pressure', () => {
    const base = lossOverCharge(law(), 0.2);
    expect(lossOverCharge(law(), 0.2, 0.1)).toBeGreaterThan(base);
    expect(
      lossOverCharge(law({}, { carbonShareOfSeDomain: 0.1, bridgedFraction: 0 }), 0.2),
    ).toBeGreaterThan(base);
    expect(lossOverCharge(law({ stackPressure_Pa: 10e6 }), 0.2)).toBeGreaterThan(base);
  });

  it('keeps the lost fraction in [0, 1] for any state and rate (property)', () => {
    const l = law({ contactLossPerVolumetricStrain: 10 });
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lost, x, rate, se) => {
          const r = l.lossRate(lost, x, rate, se);
          // Non-negative and vanishing as the contact runs out: ℓ never passes 1.
          return r >= 0 && (lost < 1 || r === 0);
        },
      ),
    );
  });

  it('takes β, the carbon share of the SE domain and the carbon network from the descriptors', () => {
    const fractions = { ncm: 0.63, se: 0.15, carbon: 0.12, binder: 0, pore: 0.1 };
    const d = estimateDescriptors(fractions, 5e-6, 0.3);
    const s = contactLossStructure({
      ...d,
      carbonInSeDomainFraction: 0.2,
      percolatingFraction: { se: 1, electronic: 1, carbon: 0.5 },
    });
    expect(s.carbonShareOfSeDomain).toBeCloseTo((0.2 * 0.12) / (0.15 + 0.2 * 0.12), 12);
    expect(s.bridgedFraction).toBeCloseTo(0.8 * 0.5, 12);
    const none = contactLossStructure({ ...d, carbonInSeDomainFraction: 0 });
    expect(none).toEqual({ carbonShareOfSeDomain: 0, bridgedFraction: 0 });
  });

  it('rejects out-of-range and unknown parameters naming the field', () => {
    expect(() => resolveContactLossParameters({ ncmVolumeContraction: 0.5 })).toThrow(
      /contactLoss\.ncmVolumeContraction = 0\.5 .*0 ≤ x ≤ 0\.2/,
    );
    expect(() =>
      resolveContactLossParameters({ wrong: 1 } as unknown as Record<string, number>),
    ).toThrow(/contactLoss\.wrong/);
    expect(() =>
      resolveContactLossParameters({
        collapseOnsetLithiation: 0.3,
        fullContractionLithiation: 0.3,
      }),
    ).toThrow(/contactLoss\.fullContractionLithiation/);
  });
});
