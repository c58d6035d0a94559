import { describe, expect, it } from 'vitest';
import { estimateDescriptors } from './estimateDescriptors.js';

const base = {
  ncmRadius_m: 5e-6,
  carbonSurfaceToVolume_per_m: 1.2e7,
  carbonInSeDomainFraction: 0.3,
  threePhaseDistance_m: 1.5e-6,
  poreRadius_m: 0.5e-6,
};
const fractions = { ncm: 0.6, se: 0.25, carbon: 0.1, binder: 0, pore: 0.05 };

describe(estimateDescriptors, () => {
  it('shares the NCM surface 3φ/R among SE, carbon and pores by volume', () => {
    const d = estimateDescriptors({ ...base, volumeFractions: fractions });
    const a = d.interfaceAreaPerVolume_m2_per_m3;
    expect(a.ncm_se + a.ncm_carbon + a.ncm_pore).toBeCloseTo((3 * 0.6) / 5e-6, 6);
    expect(a.ncm_se / a.ncm_carbon).toBeCloseTo(2.5, 12);
  });

  it('gives three-phase area between 0 and the NCM|SE area, 0 without carbon', () => {
    const d = estimateDescriptors({ ...base, volumeFractions: fractions });
    expect(d.threePhaseNcmAreaPerVolume_m2_per_m3).toBeGreaterThan(0);
    expect(d.threePhaseNcmAreaPerVolume_m2_per_m3).toBeLessThanOrEqual(
      d.interfaceAreaPerVolume_m2_per_m3.ncm_se,
    );
    const none = estimateDescriptors({
      ...base,
      volumeFractions: { ...fractions, carbon: 0, se: 0.35 },
    });
    expect(none.threePhaseNcmAreaPerVolume_m2_per_m3).toBe(0);
  });

  it('lowers the SE spanning share as β and SE fraction drop, and reaches 0 below φ_c = 0.07', () => {
    const rich = estimateDescriptors({ ...base, volumeFractions: fractions });
    const blocked = estimateDescriptors({
      ...base,
      carbonInSeDomainFraction: 1,
      volumeFractions: fractions,
    });
    expect(blocked.percolatingFraction.se).toBeLessThan(rich.percolatingFraction.se);
    const lean = estimateDescriptors({
      ...base,
      volumeFractions: { ncm: 0.85, se: 0.06, carbon: 0.09, binder: 0, pore: 0 },
    });
    expect(lean.percolatingFraction.se).toBe(0);
    for (const v of [rich, blocked, lean].flatMap((d) => Object.values(d.percolatingFraction))) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
});
