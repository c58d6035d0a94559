import { createSolidCellContainer, Transport } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EFFECTIVE_MEDIUM_PARAMETERS,
  EffectiveMediumTransport,
} from './EffectiveMediumTransport.js';
import {
  createEffectiveMediumTransportPlugin,
  effectiveMediumTransportPlugin,
} from './effectiveMediumTransportPlugin.js';
import { microstructureOf } from './transport.fixtures.js';

const sigma = { pore: 0, ncm: 1e-3, se: 0.2, carbon: 500, binder: 0 };
const at = (se: number, carbon: number, ncm: number) => ({
  ncm,
  se,
  carbon,
  binder: 0,
  pore: 1 - ncm - se - carbon,
});

describe(EffectiveMediumTransport, () => {
  // The literature law of parameters.md §6.1 (t = 2, φ_c = 0.07), so the formulas read plainly.
  const transport = new EffectiveMediumTransport({ ionicExponent: 2, ionicThreshold: 0.07 });

  it('ionic: σ_SE ((φ − 0.07)/0.93)² at φ_SE = 0.30 without carbon', () => {
    const result = transport.effectiveConductivity({
      microstructure: microstructureOf(undefined, at(0.3, 0, 0.65)),
      path: 'ionic',
      phaseConductivity_S_per_m: sigma,
    });
    expect(result.conductivity_S_per_m).toBeCloseTo(0.2 * ((0.3 - 0.07) / 0.93) ** 2, 12);
    expect(result.tortuosityFactor).toBeCloseTo((0.3 * 0.2) / result.conductivity_S_per_m, 12);
    expect(result.currentCarryingFraction).toBe(0.9);
  });

  it('ionic: carbon in the SE domain lowers φ_eff by β φ_C', () => {
    const query = (beta: number) =>
      transport.effectiveConductivity({
        microstructure: microstructureOf(undefined, at(0.2, 0.1, 0.65), beta),
        path: 'ionic',
        phaseConductivity_S_per_m: sigma,
      }).conductivity_S_per_m;
    expect(query(0.3)).toBeCloseTo(0.2 * ((0.2 - 0.03 - 0.07) / 0.93) ** 2, 12);
    expect(query(0.3)).toBeLessThan(query(0));
  });

  it('ionic: never below the floor 1e-4 σ_SE, and continuous at the threshold', () => {
    const value = (se: number) =>
      transport.effectiveConductivity({
        microstructure: microstructureOf(undefined, at(se, 0, 0.6)),
        path: 'ionic',
        phaseConductivity_S_per_m: sigma,
      }).conductivity_S_per_m;
    expect(value(0.02)).toBeCloseTo(0.2e-4, 15);
    expect(value(0.0700001)).toBeCloseTo(0.2e-4, 15);
  });

  it('electronic: σ_NCM φ^2 + σ_C ((φ_C − φ_c)/(1 − φ_c))², φ_c by carbon shape', () => {
    const electronic = (shape: 'spherical' | 'fiber', carbon: number) =>
      transport.effectiveConductivity({
        microstructure: microstructureOf(undefined, at(0.1, carbon, 0.7), 0, shape),
        path: 'electronic',
        phaseConductivity_S_per_m: sigma,
      }).conductivity_S_per_m;
    expect(electronic('spherical', 0.05)).toBeCloseTo(1e-3 * 0.49, 15);
    // Thresholds: the voxel fits, spherical 0.056 and fiber 0.016.
    expect(electronic('spherical', 0.05)).toBeCloseTo(1e-3 * 0.49, 15);
    expect(electronic('fiber', 0.05)).toBeCloseTo(
      1e-3 * 0.49 + 500 * ((0.05 - 0.016) / 0.984) ** 2,
      10,
    );
    expect(electronic('spherical', 0.16)).toBeCloseTo(
      1e-3 * 0.49 + 500 * ((0.16 - 0.056) / 0.944) ** 2,
      10,
    );
  });

  it('accepts overridden coefficients and rejects out-of-range ones', () => {
    const custom = new EffectiveMediumTransport({ ionicExponent: 3, ionicThreshold: 0.1 });
    const result = custom.effectiveConductivity({
      microstructure: microstructureOf(undefined, at(0.3, 0, 0.65)),
      path: 'ionic',
      phaseConductivity_S_per_m: sigma,
    });
    expect(result.conductivity_S_per_m).toBeCloseTo(0.2 * (0.2 / 0.9) ** 3, 12);
    expect(() => new EffectiveMediumTransport({ ionicThreshold: 1.5 })).toThrow(
      /effectiveMedium.ionicThreshold/,
    );
  });
});

describe('effectiveMediumTransportPlugin', () => {
  it('binds one Transport with id effective-medium and method effective-medium', () => {
    const container = createSolidCellContainer([effectiveMediumTransportPlugin]);
    const transports = container.getAll(Transport);
    expect(transports.map((t) => [t.id, t.method])).toEqual([
      ['effective-medium', 'effective-medium'],
    ]);
    expect(effectiveMediumTransportPlugin.id).toBe('effective-medium-transport');
  });

  it('binds overridden coefficients through createEffectiveMediumTransportPlugin', () => {
    const container = createSolidCellContainer([
      createEffectiveMediumTransportPlugin({ ionicExponent: 2.2 }),
    ]);
    const transport = container.get(Transport) as EffectiveMediumTransport;
    expect(transport.parameters.ionicExponent).toBe(2.2);
    expect(transport.parameters.ionicThreshold).toBe(
      DEFAULT_EFFECTIVE_MEDIUM_PARAMETERS.ionicThreshold,
    );
  });
});
