// Lays carbon fibres whose two ends touch two neighbouring NCM particles ("line connection"),
// hugging the neck between them so that they occupy little of the SE domain.
import {
  type CarbonShape,
  type ElectrodeVolumeFractions,
  invalidInput,
  PhaseLabel,
  SolidCellError,
} from '@solidcell/core';
import {
  axisDelta,
  type CarbonPlacementContext,
  type CarbonPlacementReport,
  type CarbonPlacer,
  type PlacedFibre,
  type Sphere,
  wrapIndex,
} from '@solidcell/microstructure';

/** Parameters of {@link FiberBridgePlacer}; lengths in metres. */
export interface FiberBridgeParameters {
  /** Fibre diameter (m). parameters.md §3: 150 nm (VGCF). */
  readonly diameter_m: number;
  /** Fibre length (m). parameters.md §3: 6 µm (VGCF-H). */
  readonly length_m: number;
  /**
   * Waviness: amplitude of a half-sine bow perpendicular to the fibre, as a fraction of its
   * length (–). Default 0 (straight; VGCF are stiff).
   */
  readonly waviness: number;
  /**
   * β used by the analytic (grid-free) descriptors (–). Default 0.05 = parameters.md §10 β_CF;
   * replace by the value measured on voxel structures.
   */
  readonly analyticCarbonInSeDomainFraction: number;
}

/** Default fibre parameters. */
export const FIBER_BRIDGE_DEFAULTS: FiberBridgeParameters = {
  diameter_m: 150e-9,
  length_m: 6e-6,
  waviness: 0,
  analyticCarbonInSeDomainFraction: 0.05,
};

/** Number of straight pieces of a wavy fibre. */
const WAVY_SEGMENTS = 8;
/** Polar angles tried per fibre, from the neck outwards. */
const POLAR_STEPS = 24;

type Vec = [number, number, number];

const sub = (a: Vec, b: Vec): Vec => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Vec, b: Vec): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const scale = (a: Vec, s: number): Vec => [a[0] * s, a[1] * s, a[2] * s];
const add = (...vs: Vec[]): Vec =>
  vs.reduce<Vec>((acc, v) => [acc[0] + v[0], acc[1] + v[1], acc[2] + v[2]], [0, 0, 0]);
const cross = (a: Vec, b: Vec): Vec => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const unit = (a: Vec): Vec => scale(a, 1 / Math.hypot(a[0], a[1], a[2]));

/**
 * Carbon fibre placement (M2, "line connection").
 *
 * @remarks
 * Candidate pairs are NCM particles A, B whose surface gap is shorter than the fibre. For each
 * fibre a pair and an azimuth φ around the axis u = (c_B − c_A)/|c_B − c_A| are drawn at random;
 * the fibre runs from P = c_A + ρ_A (cos θ u + sin θ w(φ)) on A to
 * Q = c_B + ρ_B (−cos θ u + sin θ w(φ ± Δ)) on B, where the azimuthal twist Δ is solved in closed
 * form so that |PQ| = L (|PQ|² = (D − (ρ_A + ρ_B) cos θ)² + sin²θ (ρ_A² + ρ_B² − 2ρ_Aρ_B cos Δ)).
 * The polar angle θ is increased from the neck outwards (with a random offset) and the first
 * fibre whose inner 80 % stays outside A and B and crosses no other NCM voxel and whose ends lie
 * outside the other particle is kept: the fibre hugs the NCM–NCM neck, both ends touch NCM.
 * Bounded: at most 50 × expected fibres + 10 000 trials.
 */
export class FiberBridgePlacer implements CarbonPlacer {
  public readonly id = 'carbon-fiber';
  public readonly carbonShape: CarbonShape = 'fiber';
  public readonly parameters: FiberBridgeParameters;

  public constructor(overrides: Partial<FiberBridgeParameters> = {}) {
    const p = { ...FIBER_BRIDGE_DEFAULTS, ...overrides };
    if (!Number.isFinite(p.diameter_m) || p.diameter_m < 1e-9 || p.diameter_m > 1e-5) {
      invalidInput('diameter_m', p.diameter_m, 'a finite number 1e-9 ≤ x ≤ 1e-5 m');
    }
    if (!Number.isFinite(p.length_m) || p.length_m < 5 * p.diameter_m || p.length_m > 1e-4) {
      invalidInput('length_m', p.length_m, `a finite number ${5 * p.diameter_m} ≤ x ≤ 1e-4 m`);
    }
    if (!Number.isFinite(p.waviness) || p.waviness < 0 || p.waviness > 0.3) {
      invalidInput('waviness', p.waviness, 'a finite number 0 ≤ x ≤ 0.3');
    }
    const beta = p.analyticCarbonInSeDomainFraction;
    if (!Number.isFinite(beta) || beta < 0 || beta > 1) {
      invalidInput('analyticCarbonInSeDomainFraction', beta, 'a fraction 0 ≤ x ≤ 1');
    }
    this.parameters = p;
  }

  /** Surface-to-volume ratio of a cylinder, 4/d (1/m). */
  public get surfaceToVolume_per_m(): number {
    return 4 / this.parameters.diameter_m;
  }

  public estimateCarbonInSeDomainFraction(_fractions: ElectrodeVolumeFractions): number {
    return this.parameters.analyticCarbonInSeDomainFraction;
  }

  public place(context: CarbonPlacementContext): CarbonPlacementReport {
    const { depositor, random, particles, voxelSize_m: h } = context;
    const L = this.parameters.length_m / h;
    const radius = this.parameters.diameter_m / 2 / h;
    const pairs = this.candidatePairs(context, L);
    const fibres: PlacedFibre[] = [];
    const expected = depositor.target / (Math.PI * radius * radius * L);
    const maxTrials = Math.ceil(50 * expected) + 10_000;
    for (let trial = 0; trial < maxTrials && !depositor.done && pairs.length > 0; trial++) {
      const pair = pairs[random.nextInt(pairs.length)]!;
      const [a, b] = random.nextFloat() < 0.5 ? pair : ([pair[1], pair[0]] as const);
      const fibre = this.layFibre(context, a, b, L, random.nextFloat(), random.nextFloat());
      if (fibre === undefined) continue;
      if (depositor.depositTube(fibre.path, radius) > 0) fibres.push(fibre);
    }
    if (!depositor.done) {
      throw new SolidCellError(
        'E_SOLVER_NOT_CONVERGED',
        `carbon-fiber: placed ${fibres.length} fibres (${depositor.deposited.toFixed(0)} of ${depositor.target.toFixed(0)} voxel volumes) from ${pairs.length} NCM pairs and ${particles.length} particles; use a larger box or shorter fibres`,
        {
          field: 'volumeFractions.carbon',
          value: depositor.target,
          allowed: 'a carbon volume the NCM pairs can hold',
        },
      );
    }
    return {
      objectCount: fibres.length,
      surfaceToVolume_per_m: this.surfaceToVolume_per_m,
      fibres,
    };
  }

  /** Pairs of particles with surface gap < L and neither inside the other. */
  private candidatePairs(
    context: CarbonPlacementContext,
    L: number,
  ): Array<readonly [number, number]> {
    const { particles, particleIndex } = context;
    const maxRadius = particles.reduce((m, s) => Math.max(m, s.radius), 0);
    const pairs: Array<readonly [number, number]> = [];
    particles.forEach((s, i) => {
      particleIndex.forEachNear(s.x, s.y, s.z, s.radius + maxRadius + L, (j, dx, dy, dz) => {
        if (j <= i) return false;
        const other = particles[j]!;
        const d = Math.hypot(dx, dy, dz);
        if (d - s.radius - other.radius < L && d > Math.abs(s.radius - other.radius) + 1) {
          pairs.push([i, j]);
        }
        return false;
      });
    });
    return pairs;
  }

  private layFibre(
    context: CarbonPlacementContext,
    a: number,
    b: number,
    L: number,
    azimuthDraw: number,
    offsetDraw: number,
  ): PlacedFibre | undefined {
    const { grid, particles } = context;
    const A = particles[a]!;
    const B = particles[b]!;
    const cA: Vec = [A.x, A.y, A.z];
    const toB: Vec = [
      axisDelta(B.x - A.x, grid.nx, grid.periodic),
      axisDelta(B.y - A.y, grid.ny, grid.periodic),
      axisDelta(B.z - A.z, grid.nz, grid.periodic),
    ];
    const cB = add(cA, toB);
    const D = Math.hypot(...toB);
    const u = unit(toB);
    const helper: Vec = Math.abs(u[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
    const e1 = unit(cross(u, helper));
    const e2 = cross(u, e1);
    const phi = 2 * Math.PI * azimuthDraw;
    const w = (angle: number): Vec => add(scale(e1, Math.cos(angle)), scale(e2, Math.sin(angle)));
    const rA = A.radius;
    const rB = B.radius;
    for (let step = 0; step < POLAR_STEPS; step++) {
      const theta = ((step + offsetDraw) / POLAR_STEPS) * (Math.PI / 2);
      const sin = Math.sin(theta);
      const cos = Math.cos(theta);
      const axial = D - (rA + rB) * cos;
      const lateral2 = (L * L - axial * axial) / (sin * sin);
      if (!(lateral2 >= 0)) continue;
      const cosDelta = (rA * rA + rB * rB - lateral2) / (2 * rA * rB);
      if (cosDelta > 1 || cosDelta < -1) continue;
      const delta = Math.acos(cosDelta) * (offsetDraw < 0.5 ? 1 : -1);
      const P = add(cA, scale(u, rA * cos), scale(w(phi), rA * sin));
      const Q = add(cB, scale(u, -rB * cos), scale(w(phi + delta), rB * sin));
      const path = this.path(P, Q, w(phi + delta / 2));
      if (this.isClear(context, path, A, B, cA, cB, P, Q)) {
        return { start: P, end: Q, particles: [a, b], path };
      }
    }
    return undefined;
  }

  private path(P: Vec, Q: Vec, outward: Vec): number[] {
    const amplitude = this.parameters.waviness * Math.hypot(...sub(Q, P));
    const segments = amplitude > 0 ? WAVY_SEGMENTS : 1;
    const dir = unit(sub(Q, P));
    const normal = unit(sub(outward, scale(dir, dot(outward, dir))));
    const out: number[] = [];
    for (let k = 0; k <= segments; k++) {
      const t = k / segments;
      const bow = amplitude * Math.sin(Math.PI * t);
      out.push(...add(P, scale(sub(Q, P), t), scale(normal, bow)));
    }
    return out;
  }

  private isClear(
    context: CarbonPlacementContext,
    path: readonly number[],
    A: Sphere,
    B: Sphere,
    cA: Vec,
    cB: Vec,
    P: Vec,
    Q: Vec,
  ): boolean {
    if (Math.hypot(...sub(P, cB)) <= B.radius || Math.hypot(...sub(Q, cA)) <= A.radius)
      return false;
    const { grid, labels } = context;
    const pieces = path.length / 3 - 1;
    const length = Math.hypot(...sub(Q, P));
    const samples = Math.max(8, Math.ceil(2 * length));
    for (let k = 0; k <= samples; k++) {
      const t = k / samples;
      if (t < 0.1 || t > 0.9) continue;
      const seg = Math.min(pieces - 1, Math.floor(t * pieces));
      const local = t * pieces - seg;
      const s: Vec = [0, 1, 2].map(
        (c) => path[3 * seg + c]! + local * (path[3 * seg + 3 + c]! - path[3 * seg + c]!),
      ) as Vec;
      if (Math.hypot(...sub(s, cA)) <= A.radius || Math.hypot(...sub(s, cB)) <= B.radius)
        return false;
      let x = Math.floor(s[0]);
      let y = Math.floor(s[1]);
      let z = Math.floor(s[2]);
      if (grid.periodic) {
        x = wrapIndex(x, grid.nx);
        y = wrapIndex(y, grid.ny);
        z = wrapIndex(z, grid.nz);
      } else if (x < 0 || y < 0 || z < 0 || x >= grid.nx || y >= grid.ny || z >= grid.nz) {
        return false;
      }
      if (labels[x + grid.nx * (y + grid.ny * z)] === PhaseLabel.ncm) return false;
    }
    if (!grid.periodic) {
      for (const end of [P, Q]) {
        if (end.some((c, axis) => c < 0 || c >= [grid.nx, grid.ny, grid.nz][axis]!)) return false;
      }
    }
    return true;
  }
}
