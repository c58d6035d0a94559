// Places carbon-black agglomerates (log-normal spheres) through the SE domain between NCM particles.
import {
  type CarbonShape,
  type ElectrodeVolumeFractions,
  invalidInput,
  PhaseLabel,
  SolidCellError,
} from '@solidcell/core';
import {
  type CarbonPlacementContext,
  type CarbonPlacementReport,
  type CarbonPlacer,
  logNormalSigmaFromSpan,
} from '@solidcell/microstructure';

/** Parameters of {@link SphericalAgglomeratePlacer}; lengths in metres. */
export interface SphericalAgglomerateParameters {
  /**
   * Median agglomerate diameter (m). Default 0.5 µm: aggregates of 100–500 nm (parameters.md §3,
   * d_SC,agg, low confidence) that agglomerate towards µm during dry mixing.
   */
  readonly agglomerateD50_m: number;
  /** Span (D90 − D10)/D50 of the log-normal agglomerate sizes (–). Default 1.0 (assumed). */
  readonly agglomerateSpan: number;
  /**
   * β used by the analytic (grid-free) descriptors (–). Default 0.2 = parameters.md §10 β_SC;
   * replace by the value measured on voxel structures.
   */
  readonly analyticCarbonInSeDomainFraction: number;
}

/** Default agglomerate parameters. */
export const SPHERICAL_AGGLOMERATE_DEFAULTS: SphericalAgglomerateParameters = {
  agglomerateD50_m: 0.5e-6,
  agglomerateSpan: 1.0,
  analyticCarbonInSeDomainFraction: 0.2,
};

/**
 * Spherical carbon black placement (M2): agglomerates with log-normal diameters (truncated to
 * [D50/5, 4 D50]) centred at uniformly random points of the non-NCM space (the SE domain between
 * NCM particles), one after another until the carbon target is met; overlapping agglomerates
 * merge (the depositor caps each voxel at full carbon), agglomerate parts that would fall into
 * NCM are moved into the free voxels of the same agglomerate, and agglomerates finer than the grid
 * become sub-voxel carbon fractions. Bounded: at most 100 × the expected count + 10 000 trials.
 */
export class SphericalAgglomeratePlacer implements CarbonPlacer {
  public readonly id = 'carbon-spherical';
  public readonly carbonShape: CarbonShape = 'spherical';
  public readonly parameters: SphericalAgglomerateParameters;

  public constructor(overrides: Partial<SphericalAgglomerateParameters> = {}) {
    const p = { ...SPHERICAL_AGGLOMERATE_DEFAULTS, ...overrides };
    if (
      !Number.isFinite(p.agglomerateD50_m) ||
      p.agglomerateD50_m < 1e-8 ||
      p.agglomerateD50_m > 2e-5
    ) {
      invalidInput('agglomerateD50_m', p.agglomerateD50_m, 'a finite number 1e-8 ≤ x ≤ 2e-5 m');
    }
    logNormalSigmaFromSpan(p.agglomerateSpan);
    const beta = p.analyticCarbonInSeDomainFraction;
    if (!Number.isFinite(beta) || beta < 0 || beta > 1) {
      invalidInput('analyticCarbonInSeDomainFraction', beta, 'a fraction 0 ≤ x ≤ 1');
    }
    this.parameters = p;
  }

  /** Surface-to-volume ratio of a median agglomerate, 6/D50 (1/m). */
  public get surfaceToVolume_per_m(): number {
    return 6 / this.parameters.agglomerateD50_m;
  }

  public estimateCarbonInSeDomainFraction(_fractions: ElectrodeVolumeFractions): number {
    return this.parameters.analyticCarbonInSeDomainFraction;
  }

  public place(context: CarbonPlacementContext): CarbonPlacementReport {
    const { grid, depositor, random, labels, voxelSize_m: h } = context;
    const d50 = this.parameters.agglomerateD50_m / h;
    const sigma = logNormalSigmaFromSpan(this.parameters.agglomerateSpan);
    const mu = Math.log(d50 / 2);
    const expected = depositor.target / ((Math.PI / 6) * d50 ** 3);
    const maxTrials = Math.ceil(100 * expected) + 10_000;
    let count = 0;
    let area = 0;
    let volume = 0;
    for (let trial = 0; trial < maxTrials && !depositor.done; trial++) {
      const radius = Math.min(2 * d50, Math.max(d50 / 10, random.nextLogNormal(mu, sigma)));
      const x = random.nextFloat() * grid.nx;
      const y = random.nextFloat() * grid.ny;
      const z = random.nextFloat() * grid.nz;
      const i = Math.floor(x) + grid.nx * (Math.floor(y) + grid.ny * Math.floor(z));
      if (labels[i] !== PhaseLabel.se) continue;
      if (depositor.depositSphere(x, y, z, radius) > 0) {
        count++;
        area += 4 * Math.PI * radius ** 2;
        volume += (4 / 3) * Math.PI * radius ** 3;
      }
    }
    if (!depositor.done) {
      throw new SolidCellError(
        'E_SOLVER_NOT_CONVERGED',
        `carbon-spherical: the SE domain took only ${depositor.deposited.toFixed(0)} of ${depositor.target.toFixed(0)} voxel volumes of carbon after ${maxTrials} agglomerates`,
        {
          field: 'volumeFractions.carbon',
          value: depositor.target,
          allowed: 'a carbon volume the SE domain can hold',
        },
      );
    }
    return {
      objectCount: count,
      surfaceToVolume_per_m: volume > 0 ? area / volume / h : this.surfaceToVolume_per_m,
    };
  }
}
