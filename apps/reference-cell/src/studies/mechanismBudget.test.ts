import { describe, expect, it } from 'vitest';
import { powderSetup } from './cellSetup.fixtures.js';
import { runFormation } from './runFormation.js';

const setup = (carbon: number) =>
  powderSetup({ ncm: 90, se: 10 - carbon, carbon }, { coarse: true });

describe('mechanism budget of a formation', () => {
  it('closes: side charge on carbon + on NCM + stranded Li = irreversible capacity', () => {
    for (const carbon of [0, 3]) {
      const f = runFormation(setup(carbon));
      const b = f.budget;
      // The site split from the states covers the whole formation (≥ the first charge's share).
      expect(b.sideOnCarbonMahG + b.sideOnNcmMahG).toBeGreaterThanOrEqual(f.sideReactionMahG);
      expect(
        b.strandedLithiumMahG + b.lithiumInIsolatedNcmMahG + b.sideOnCarbonMahG + b.sideOnNcmMahG,
      ).toBeCloseTo(f.irreversibleMahG, 4);
      // The first charge shrinks the NCM: some contact is lost, isolating a little NCM.
      expect(b.contactLostPct).toBeGreaterThan(0);
      expect(b.contactLossCapacityMahG).toBeGreaterThan(0);
      expect(b.lithiumInIsolatedNcmMahG).toBeGreaterThanOrEqual(0);
      if (carbon === 0) expect(b.sideOnCarbonMahG).toBe(0);
      else expect(b.sideOnCarbonMahG).toBeGreaterThan(b.sideOnNcmMahG);
      expect(b.filmResistance_ohm_m2).toBeGreaterThan(0);
      expect(b.seConsumedPct).toBeGreaterThan(0);
    }
  });
});
