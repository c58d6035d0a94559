// Effective-medium Transport from microstructure descriptors only: percolation law for the SE
// network (carbon occupying part of the SE domain) and NCM + carbon networks for electrons.
import {
  type CarbonShape,
  parseInput,
  type Transport,
  type TransportQuery,
  type TransportResult,
} from '@solidcell/core';
import { z } from 'zod';
import { percolationRatio } from './percolationLaw.js';
import { VOXEL_ELECTRONIC_LAW, VOXEL_IONIC_LAW } from './voxelTransportLaws.js';

/** Coefficients of {@link EffectiveMediumTransport}; all dimensionless. */
export interface EffectiveMediumParameters {
  /**
   * Ionic percolation exponent t. @defaultValue `VOXEL_IONIC_LAW.exponent` (1.99): the fit to the
   * particulate-SE voxel electrodes (see voxelTransportLaws.ts); parameters.md §6.1 gives 2.0
   * (1.6–2.2) for generic 3D networks.
   */
  readonly ionicExponent: number;
  /**
   * SE percolation threshold φ_c. @defaultValue `VOXEL_IONIC_LAW.thresholdAtZeroSizeRatio` (0):
   * the same voxel fit puts it at its lower bound (literature test range 0.05–0.15,
   * parameters.md §6.1).
   */
  readonly ionicThreshold: number;
  /** Floor of σ_ion,eff/σ_SE below the threshold. @defaultValue 1e-4 (parameters.md §6.1) */
  readonly ionicFloor: number;
  /** Bruggeman-type exponent α_e of the NCM network, σ_NCM φ_NCM^α_e. @defaultValue 2.0 (§6.2, range 1.5–3) */
  readonly ncmExponent: number;
  /** Carbon-network exponent. @defaultValue 2.0 (§6.2) */
  readonly carbonExponent: number;
  /**
   * Carbon percolation threshold by carbon shape (apparent volume fraction).
   * @defaultValue `VOXEL_ELECTRONIC_LAW` fits: spherical 0.056 (literature ≈ 0.10, ≈ 4 wt% C65 in
   * SE alone, Reisacher 2023, §6.2 — in the composite the carbon is confined to the SE domain);
   * fiber 0.016 (≈ 0.7 d/L = 0.018, §6.2)
   */
  readonly carbonThreshold: Readonly<Record<CarbonShape, number>>;
}

/** Default coefficients: the voxel-fitted laws (voxelTransportLaws.ts), the rest parameters.md §6.2. */
export const DEFAULT_EFFECTIVE_MEDIUM_PARAMETERS: EffectiveMediumParameters = {
  ionicExponent: VOXEL_IONIC_LAW.exponent,
  ionicThreshold: VOXEL_IONIC_LAW.thresholdAtZeroSizeRatio,
  ionicFloor: 1e-4,
  ncmExponent: 2.0,
  carbonExponent: 2.0,
  carbonThreshold: {
    spherical: VOXEL_ELECTRONIC_LAW.carbon.spherical.threshold,
    fiber: VOXEL_ELECTRONIC_LAW.carbon.fiber.threshold,
  },
};

const fraction = z.number().min(0).max(0.999);
const exponent = z.number().min(0.5).max(5);
const parametersSchema = z
  .object({
    ionicExponent: exponent,
    ionicThreshold: fraction,
    ionicFloor: z.number().min(0).max(1),
    ncmExponent: exponent,
    carbonExponent: exponent,
    carbonThreshold: z.object({ spherical: fraction, fiber: fraction }).strict(),
  })
  .strict();

/**
 * Closed-form effective conductivities (method `effective-medium`, id `effective-medium`).
 *
 * @remarks
 * Uses only `microstructure.descriptors` (no grid):
 * - ionic: φ_eff = φ_SE − β φ_C (β = descriptors.carbonInSeDomainFraction),
 *   σ = σ_SE · max(floor, ((φ_eff − φ_c)/(1 − φ_c))^t) — continuous at the threshold.
 * - electronic: σ = σ_NCM φ_NCM^α_e + σ_C ((φ_C − φ_c,C)/(1 − φ_c,C))^2 (0 below φ_c,C), the
 *   parallel NCM network + carbon network of parameters.md §6.2, φ_c,C by carbon shape.
 * Tortuosity factor τ = ε_m σ_m/σ_eff for the main phase (SE for ions; the larger of σ_NCM φ_NCM
 * and σ_C φ_C for electrons). currentCarryingFraction reports the descriptors' percolating
 * fraction of the network (dead ends included, so an upper bound).
 * Volume fractions are electrode fractions (pores included), as in the descriptors.
 * @see shared/physics/parameters.md §6.1, §6.2.
 */
export class EffectiveMediumTransport implements Transport {
  public readonly id = 'effective-medium';
  public readonly method = 'effective-medium' as const;
  public readonly parameters: EffectiveMediumParameters;

  public constructor(parameters: Partial<EffectiveMediumParameters> = {}) {
    this.parameters = parseInput(
      parametersSchema,
      { ...DEFAULT_EFFECTIVE_MEDIUM_PARAMETERS, ...parameters },
      'effectiveMedium',
    );
  }

  public effectiveConductivity(query: TransportQuery): TransportResult {
    const { descriptors, carbonShape } = query.microstructure;
    const phi = descriptors.volumeFractions;
    const sigma = query.phaseConductivity_S_per_m;
    const p = this.parameters;
    if (query.path === 'ionic') {
      const phiEff = phi.se - descriptors.carbonInSeDomainFraction * phi.carbon;
      const ratio = Math.max(
        p.ionicFloor,
        percolationRatio(phiEff, { exponent: p.ionicExponent, threshold: p.ionicThreshold }),
      );
      const value = sigma.se * ratio;
      return {
        conductivity_S_per_m: value,
        tortuosityFactor: value > 0 ? (phi.se * sigma.se) / value : Number.POSITIVE_INFINITY,
        currentCarryingFraction: descriptors.percolatingFraction.se,
      };
    }
    const ncmPart = sigma.ncm * phi.ncm ** p.ncmExponent;
    const carbonPart =
      sigma.carbon *
      percolationRatio(phi.carbon, {
        exponent: p.carbonExponent,
        threshold: p.carbonThreshold[carbonShape],
      });
    const value = ncmPart + carbonPart;
    const main = Math.max(sigma.carbon * phi.carbon, sigma.ncm * phi.ncm);
    return {
      conductivity_S_per_m: value,
      tortuosityFactor: value > 0 ? main / value : Number.POSITIVE_INFINITY,
      currentCarryingFraction: descriptors.percolatingFraction.electronic,
    };
  }
}
