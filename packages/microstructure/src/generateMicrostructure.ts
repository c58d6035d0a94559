// The voxel generator: NCM packing → SE particles packed and densified (grains, residual voids)
// → carbon placement (plugin), then measured descriptors. Deterministic for a seed; fractions hit
// to within one voxel.
import {
  type CarbonShape,
  createRandom,
  type ElectrodeVolumeFractions,
  invalidInput,
  type Microstructure,
  type MorphologyRequest,
  PhaseLabel,
  type ProgressCallback,
  SolidCellError,
  type VoxelGrid,
} from '@solidcell/core';
import { CarbonDepositor } from './carbon/CarbonDepositor.js';
import type { CarbonPlacementReport, CarbonPlacer } from './carbon/CarbonPlacer.js';
import { MICROSTRUCTURE_DEFAULTS } from './defaults.js';
import { estimateDescriptors } from './descriptors/estimateDescriptors.js';
import { measureDescriptors } from './descriptors/measureDescriptors.js';
import type { GridGeometry } from './grid/GridGeometry.js';
import { assertGridWithinLimits, DEFAULT_MEMORY_LIMIT_bytes } from './grid/gridLimits.js';
import { packNcmSpheres } from './ncm/packNcmSpheres.js';
import { sampleRadii } from './ncm/particleSizeDistribution.js';
import { rasterizeNcm } from './ncm/rasterizeNcm.js';
import { type Sphere, SphereIndex } from './ncm/SphereIndex.js';
import { densifySe, packSeParticles } from './se/packSeGrains.js';

/** Tunable generator parameters (all optional; defaults in {@link MICROSTRUCTURE_DEFAULTS}). */
export interface GeneratorParameters {
  /** NCM median diameter (m) when the request gives none. */
  readonly ncmD50_m?: number;
  /** NCM span (D90 − D10)/D50 when the request gives none. */
  readonly ncmSpan?: number;
  /** SE median particle diameter before pressing (m) when the request gives none. */
  readonly seD50_m?: number;
  /** SE size span (D90 − D10)/D50 when the request gives none. */
  readonly seSpan?: number;
  /** Largest overlap of an SE particle with its neighbours during packing, fraction of r_i + r_j. */
  readonly seMaxOverlap?: number;
  /**
   * Reach of the analytic (grid-free) three-phase estimate (m). Default: one SE particle radius
   * (parameters.md §8, θ_3ph). Grids measure three-phase contact locally (one voxel).
   */
  readonly threePhaseDistance_m?: number;
  /** Largest NCM overlap as a fraction of r_i + r_j (0–0.6). */
  readonly maxOverlap?: number;
  /** Largest NCM swelling allowed by the fraction threshold (0–1). */
  readonly maxGrowth?: number;
  /** Residual pore radius (m) of the analytic (grid-free) interface estimate. */
  readonly poreRadius_m?: number;
  /** Memory the generator may use (bytes); larger grids are refused. */
  readonly memoryLimit_bytes?: number;
}

/** Everything the generator needs besides the request. */
export interface GenerateOptions extends GeneratorParameters {
  /** Id reported as `morphologyId`. */
  readonly morphologyId: string;
  /** The carbon placement plugin. */
  readonly placer: CarbonPlacer;
}

/** An NCM particle as voxelised (m). */
export interface NcmParticle {
  readonly center_m: readonly [number, number, number];
  readonly radius_m: number;
}

/** A generated microstructure plus what the generator knows about its construction. */
export interface GeneratedMicrostructure extends Microstructure {
  /** The NCM particles as voxelised (effective radii). */
  readonly ncmParticles: readonly NcmParticle[];
  /** Index into `ncmParticles` of the particle owning each NCM voxel, −1 elsewhere. */
  readonly ncmOwner?: Int32Array;
  /** What the carbon placer reported (voxel units for fibre coordinates). */
  readonly carbonPlacement?: CarbonPlacementReport;
  /** Radius scale applied by the NCM fraction threshold (> 1: swollen, compacted particles). */
  readonly ncmRadiusScale?: number;
  /** The SE particles as packed before densification (m), index = SE grain id. */
  readonly seParticles?: readonly NcmParticle[];
  /** Distance the SE flowed beyond its particle surfaces to fill the SE domain (m). */
  readonly seFlowDistance_m?: number;
}

const FRACTION_SUM_TOLERANCE = 1e-6;

/** Bytes per voxel of the carbon fields allocated here: fraction float32 4, piece int32 4, strand 1. */
export const CARBON_FIELDS_BYTES_PER_VOXEL = 9;

function checkFractions(f: ElectrodeVolumeFractions): void {
  for (const key of ['ncm', 'se', 'carbon', 'binder', 'pore'] as const) {
    const value = f[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      invalidInput(`volumeFractions.${key}`, value, 'a volume fraction 0 ≤ x ≤ 1');
    }
  }
  const sum = f.ncm + f.se + f.carbon + f.binder + f.pore;
  if (Math.abs(sum - 1) > FRACTION_SUM_TOLERANCE) {
    invalidInput('volumeFractions', sum, 'fractions that sum to 1 (±1e-6)');
  }
  if (f.ncm > 0.85) invalidInput('volumeFractions.ncm', f.ncm, 'a packable NCM fraction ≤ 0.85');
}

function checkRange(field: string, value: number, min: number, max: number, unit: string): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    invalidInput(field, value, `a finite number ${min} ≤ x ≤ ${max}${unit ? ` ${unit}` : ''}`);
  }
}

/** Resolved parameters of one generation. */
interface Resolved {
  readonly d50_m: number;
  readonly span: number;
  readonly seD50_m: number;
  readonly seSpan: number;
  readonly seMaxOverlap: number;
  readonly threePhaseDistance_m: number;
  readonly maxOverlap: number;
  readonly maxGrowth: number;
  readonly poreRadius_m: number;
}

function resolve(request: MorphologyRequest, options: GeneratorParameters): Resolved {
  const d = MICROSTRUCTURE_DEFAULTS;
  const seD50_m = request.seParticles?.d50_m ?? options.seD50_m ?? d.seD50_m;
  const resolved: Resolved = {
    d50_m: request.ncmParticles?.d50_m ?? options.ncmD50_m ?? d.ncmD50_m,
    span: request.ncmParticles?.span ?? options.ncmSpan ?? d.ncmSpan,
    seD50_m,
    seSpan: request.seParticles?.span ?? options.seSpan ?? d.seSpan,
    seMaxOverlap: options.seMaxOverlap ?? d.seMaxOverlap,
    threePhaseDistance_m: options.threePhaseDistance_m ?? seD50_m / 2,
    maxOverlap: options.maxOverlap ?? d.maxOverlap,
    maxGrowth: options.maxGrowth ?? d.maxGrowth,
    poreRadius_m: options.poreRadius_m ?? d.poreRadius_m,
  };
  checkRange('ncmParticles.d50_m', resolved.d50_m, 1e-7, 1e-4, 'm');
  checkRange('ncmParticles.span', resolved.span, 0, 5, '');
  checkRange('seParticles.d50_m', resolved.seD50_m, 1e-7, 1e-4, 'm');
  checkRange('seParticles.span', resolved.seSpan, 0, 5, '');
  checkRange('seMaxOverlap', resolved.seMaxOverlap, 0, 0.6, '');
  checkRange('threePhaseDistance_m', resolved.threePhaseDistance_m, 0, 1e-4, 'm');
  checkRange('maxOverlap', resolved.maxOverlap, 0, 0.6, '');
  checkRange('maxGrowth', resolved.maxGrowth, 0, 1, '');
  checkRange('poreRadius_m', resolved.poreRadius_m, 1e-9, 1e-4, 'm');
  return resolved;
}

/**
 * Analytic descriptors for a request without a grid (fast path of the cell model).
 *
 * @see estimateDescriptors for the closed forms.
 */
export function analyticMicrostructure(
  request: MorphologyRequest,
  options: GenerateOptions,
): GeneratedMicrostructure {
  checkFractions(request.volumeFractions);
  const p = resolve(request, options);
  return {
    morphologyId: options.morphologyId,
    carbonShape: options.placer.carbonShape,
    seed: request.seed,
    targetVolumeFractions: request.volumeFractions,
    descriptors: estimateDescriptors({
      volumeFractions: request.volumeFractions,
      ncmRadius_m: p.d50_m / 2,
      carbonSurfaceToVolume_per_m: options.placer.surfaceToVolume_per_m,
      carbonInSeDomainFraction: options.placer.estimateCarbonInSeDomainFraction(
        request.volumeFractions,
      ),
      threePhaseDistance_m: p.threePhaseDistance_m,
      poreRadius_m: p.poreRadius_m,
    }),
    ncmParticles: [],
  };
}

/**
 * Generates a voxel microstructure (or analytic descriptors when `request.grid` is omitted).
 *
 * @remarks
 * 1. NCM: log-normal radii (D50, span) offered at (1 + 25 %) of the target volume, placed by
 *    random sequential addition with centres at least (1 − maxOverlap)(r_i + r_j) apart, then
 *    voxelised so that exactly round(φ_NCM N) voxels are NCM by thresholding the depth score
 *    (limited-overlap compaction, see {@link rasterizeNcm}).
 * 2. SE: log-normal SE particles (D50, span) of total volume φ_SE V are packed among the NCM by
 *    random sequential addition (soft: indented by up to seMaxOverlap), then densified as cold
 *    pressing does: the SE flows from its particle surfaces into the voids until exactly
 *    round((φ_SE + φ_C) N) voxels are SE domain (see {@link densifySe}); each keeps its grain id.
 *    The rest of the non-NCM space, exactly round((φ_pore + φ_binder) N) voxels, stays void
 *    (binder is not a voxel phase and is lumped with the pores: both insulate).
 * 3. Carbon: the {@link CarbonPlacer} writes exactly φ_C N voxel volumes of carbon into SE
 *    voxels (between and over SE grains; sub-voxel fractions for fine carbon), each piece with
 *    its own id (`grid.carbonPieceId`).
 * 4. Descriptors are measured on the result. `grid.grainId` holds the NCM particle of NCM voxels
 *    and the SE grain of SE voxels (contacts and grain boundaries for the transport).
 * Random streams: fork(1) NCM, fork(2) carbon, fork(3) SE of `createRandom(seed)`.
 * @throws SolidCellError `E_INVALID_INPUT` for bad fractions/grid, `E_RESOURCE_LIMIT` for grids
 * beyond the memory limit, `E_SOLVER_NOT_CONVERGED` when a phase cannot be placed.
 */
export function generateMicrostructure(
  request: MorphologyRequest,
  options: GenerateOptions,
  onProgress?: ProgressCallback,
): GeneratedMicrostructure {
  if (request.grid === undefined) return analyticMicrostructure(request, options);
  checkFractions(request.volumeFractions);
  const p = resolve(request, options);
  const { voxels, voxelSize_m } = request.grid;
  if (!Number.isInteger(voxels) || voxels < 8) {
    invalidInput('grid.voxels', voxels, 'an integer ≥ 8 voxels per edge');
  }
  assertGridWithinLimits(voxels, options.memoryLimit_bytes ?? DEFAULT_MEMORY_LIMIT_bytes);
  checkRange('grid.voxelSize_m', voxelSize_m, 1e-9, 1e-4, 'm');
  const periodic = request.grid.periodic ?? true;
  const geometry: GridGeometry = { nx: voxels, ny: voxels, nz: voxels, periodic };
  const total = voxels ** 3;
  const f = request.volumeFractions;
  const random = createRandom(request.seed);
  const h = voxelSize_m;

  onProgress?.(0, 'ncm-packing');
  const ncmCount = Math.round(f.ncm * total);
  const boxVolume_m3 = total * h ** 3;
  const radii_m = sampleRadii(
    random.fork(1),
    p.d50_m,
    p.span,
    f.ncm * boxVolume_m3 * (1 + MICROSTRUCTURE_DEFAULTS.packingExcess),
    (voxels * h) / 3,
  );
  const spheres = packNcmSpheres(geometry, random.fork(1).fork(7), {
    radii: radii_m.map((r) => r / h),
    maxOverlap: p.maxOverlap,
    attemptsPerSphere: MICROSTRUCTURE_DEFAULTS.attemptsPerSphere,
  });
  onProgress?.(0.3, 'ncm-voxelising');
  const raster = rasterizeNcm(geometry, spheres, ncmCount, p.maxGrowth);
  const effective: Sphere[] = spheres.map((s) => ({ ...s, radius: s.radius * raster.radiusScale }));
  const maxRadius = effective.reduce((m, s) => Math.max(m, s.radius), 0);
  const particleIndex = new SphereIndex(geometry, 2 * maxRadius);
  for (const s of effective) particleIndex.add(s);

  const labels = raster.labels;
  const carbonFraction = new Float32Array(total);
  onProgress?.(0.4, 'se-packing');
  const seRadii = sampleRadii(
    random.fork(3),
    p.seD50_m,
    p.seSpan,
    f.se * boxVolume_m3,
    (voxels * h) / 6,
  ).map((r) => r / h);
  const seSpheres = packSeParticles(geometry, labels, particleIndex, random.fork(3).fork(7), {
    radii: seRadii,
    maxOverlap: p.seMaxOverlap,
    attemptsPerParticle: MICROSTRUCTURE_DEFAULTS.attemptsPerSeParticle,
  });
  onProgress?.(0.45, 'se-densifying');
  const seDomainCount = total - ncmCount - Math.round((f.pore + f.binder) * total);
  const densified = densifySe(geometry, labels, seSpheres, seDomainCount);
  const grainId = densified.grain;
  for (let i = 0; i < total; i++) if (labels[i] === PhaseLabel.ncm) grainId[i] = raster.owner[i]!;

  onProgress?.(0.5, 'carbon-placement');
  // CARBON_FIELDS_BYTES_PER_VOXEL: carbonFraction, carbonPieceId, carbonStrand.
  const carbonPieceId = new Int32Array(total).fill(-1);
  const carbonStrand = new Uint8Array(total);
  const depositor = new CarbonDepositor(
    geometry,
    labels,
    carbonFraction,
    f.carbon * total,
    carbonPieceId,
    carbonStrand,
  );
  const report = options.placer.place({
    grid: geometry,
    voxelSize_m: h,
    labels,
    ncmOwner: raster.owner,
    particles: effective,
    particleIndex,
    depositor,
    random: random.fork(2),
  });
  if (!depositor.done) {
    throw new SolidCellError(
      'E_SOLVER_NOT_CONVERGED',
      `carbon placer "${options.placer.id}" placed ${(depositor.deposited / total).toFixed(4)} of the target carbon fraction ${f.carbon.toFixed(4)}`,
      {
        field: 'volumeFractions.carbon',
        value: f.carbon,
        allowed: 'a fraction the placer can reach',
      },
    );
  }
  depositor.finalize();

  onProgress?.(0.7, 'descriptors');
  const grid: VoxelGrid = {
    shape: [voxels, voxels, voxels],
    voxelSize_m: h,
    labels,
    carbonFraction,
    periodic,
    grainId,
    carbonPieceId,
    carbonStrand,
  };
  const descriptors = measureDescriptors(grid, {
    seGapWidth_m: p.seD50_m,
    subVoxelCarbonSurfaceToVolume_per_m: report.surfaceToVolume_per_m,
    particles: particleIndex,
  });
  onProgress?.(1, 'done');
  const carbonShape: CarbonShape = options.placer.carbonShape;
  return {
    morphologyId: options.morphologyId,
    carbonShape,
    seed: request.seed,
    targetVolumeFractions: f,
    descriptors,
    grid,
    ncmParticles: effective.map((s) => ({
      center_m: [s.x * h, s.y * h, s.z * h] as const,
      radius_m: s.radius * h,
    })),
    ncmOwner: raster.owner,
    carbonPlacement: report,
    ncmRadiusScale: raster.radiusScale,
    seParticles: seSpheres.map((s) => ({
      center_m: [s.x * h, s.y * h, s.z * h] as const,
      radius_m: s.radius * h,
    })),
    seFlowDistance_m: densified.flowDistance_voxels * h,
  };
}
