import { describe, expect, it } from 'vitest';
import { dryDescriptors, drySetup } from './dryElectrodes.fixtures.js';
import { runCycling } from './runCycling.js';

const CYCLES = 30;

describe('contact-loss ageing of the dry electrodes (model.md M7)', () => {
  it('SC loses more NCM|SE contact and capacity than CF, from β and consumed SE, not the carbon name', () => {
    const sc = runCycling(drySetup('spherical'), 0.2, CYCLES);
    const cf = runCycling(drySetup('fiber'), 0.2, CYCLES);
    expect(sc.budget.contactLostPct).toBeGreaterThan(1.05 * cf.budget.contactLostPct);
    expect(sc.budget.contactLossCapacityMahG).toBeGreaterThan(cf.budget.contactLossCapacityMahG);
    expect(sc.retentionPct).toBeLessThan(cf.retentionPct);

    // The reason: SC's carbon share of the SE domain (β φ_C) and the SE it consumed. Without
    // those two susceptibilities the two electrodes lose the same contact to within 2 %.
    const neutral = { contactLoss: { carbonInSeSusceptibility: 0, consumedSeSusceptibility: 0 } };
    const withOverrides = (shape: 'spherical' | 'fiber') => {
      const setup = drySetup(shape);
      return { ...setup, parameterOverrides: { ...setup.parameterOverrides, ...neutral } };
    };
    const scNeutral = runCycling(withOverrides('spherical'), 0.2, CYCLES).budget.contactLostPct;
    const cfNeutral = runCycling(withOverrides('fiber'), 0.2, CYCLES).budget.contactLostPct;
    expect(Math.abs(scNeutral / cfNeutral - 1)).toBeLessThan(0.02);

    // And it follows the descriptors, not the carbon type: CF given SC's measured β and carbon
    // fraction loses contact like SC.
    const cfAsSc = runCycling(drySetup('fiber', dryDescriptors('spherical')), 0.2, CYCLES);
    expect(cfAsSc.budget.contactLostPct).toBeGreaterThan(1.05 * cf.budget.contactLostPct);
  }, 120_000);
});
