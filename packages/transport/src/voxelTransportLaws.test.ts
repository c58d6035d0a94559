import { describe, expect, it } from 'vitest';
import {
  electronicConductivity_S_per_m,
  fitIonicVoxelLaw,
  type IonicLawSample,
  ionicConductivityRatio,
  VOXEL_ELECTRONIC_LAW,
  VOXEL_IONIC_LAW,
} from './voxelTransportLaws.js';

describe('voxel transport laws', () => {
  it('the ionic fit recovers a known law from exact samples', () => {
    const truth = {
      exponent: 2.2,
      thresholdAtZeroSizeRatio: 0.06,
      thresholdPerSizeRatio: 0.2,
      source: 'synthetic',
    };
    const samples: IonicLawSample[] = [];
    for (const phi of [0.16, 0.2, 0.25, 0.3])
      for (const lambda of [0.15, 0.3, 0.5]) {
        const input = {
          seVolumeFraction: phi,
          carbonVolumeFraction: 0.05,
          carbonInSeDomainFraction: 0.4,
          seToNcmSizeRatio: lambda,
        };
        samples.push({ ...input, relativeConductivity: ionicConductivityRatio(input, truth) });
      }
    const fit = fitIonicVoxelLaw(samples, 'test');
    expect(fit.exponent).toBeCloseTo(2.2, 2);
    expect(fit.thresholdAtZeroSizeRatio).toBeCloseTo(0.06, 3);
    expect(fit.thresholdPerSizeRatio).toBeCloseTo(0.2, 3);
  });

  it('ionic: coarser SE (larger D50_SE/D50_NCM) raises the threshold and lowers σ', () => {
    const at = (lambda: number) =>
      ionicConductivityRatio(
        {
          seVolumeFraction: 0.2,
          carbonVolumeFraction: 0,
          carbonInSeDomainFraction: 0,
          seToNcmSizeRatio: lambda,
        },
        VOXEL_IONIC_LAW,
      );
    expect(at(0.6)).toBeLessThanOrEqual(at(0.15));
  });

  it('electronic: rises with σ_NCM (lithiation), contact-limited when high, and with carbon', () => {
    const base = {
      ncmVolumeFraction: 0.7,
      carbonShape: 'spherical' as const,
      carbonConductivity_S_per_m: 500,
    };
    const a = electronicConductivity_S_per_m(
      { ...base, carbonVolumeFraction: 0, ncmConductivity_S_per_m: 1e-3 },
      VOXEL_ELECTRONIC_LAW,
    );
    const b = electronicConductivity_S_per_m(
      { ...base, carbonVolumeFraction: 0, ncmConductivity_S_per_m: 1 },
      VOXEL_ELECTRONIC_LAW,
    );
    // σ_s = σ σ_k/(σ + σ_k): ×1000 in σ_NCM gives ×(1000 (σ_k + 1e-3)/(σ_k + 1)) in σ_el.
    const k = VOXEL_ELECTRONIC_LAW.ncmContactConductivity_S_per_m;
    expect(b / a).toBeCloseTo((1000 * (k + 1e-3)) / (k + 1), 6);
    const withCarbon = electronicConductivity_S_per_m(
      { ...base, carbonVolumeFraction: 0.16, ncmConductivity_S_per_m: 1e-3 },
      VOXEL_ELECTRONIC_LAW,
    );
    expect(withCarbon).toBeGreaterThan(a);
  });

  it('rejects a fraction outside 0–1 naming the field', () => {
    expect(() =>
      ionicConductivityRatio(
        {
          seVolumeFraction: 1.2,
          carbonVolumeFraction: 0,
          carbonInSeDomainFraction: 0,
          seToNcmSizeRatio: 0.3,
        },
        VOXEL_IONIC_LAW,
      ),
    ).toThrow(/seVolumeFraction/);
  });
});
