// Volume-conserving deposition of carbon primitives (spheres, tubes) into the non-NCM voxels,
// with sub-voxel carbon fractions and an exact stop at the target carbon volume.
import { PhaseLabel } from '@solidcell/core';
import { type GridGeometry, wrapIndex } from '../grid/GridGeometry.js';

/** Carbon fraction from which a voxel is relabelled as full carbon. */
const FULL_VOXEL = 1 - 1e-6;

/**
 * Writes carbon into a voxel grid.
 *
 * @remarks
 * A primitive of nominal volume V (voxel units) is rasterised with the coverage estimate
 * f(d) = clamp(½ + r_eff − d, 0, 1) of each voxel whose centre lies at distance d from the
 * primitive's axis or centre, with r_eff = max(r, 0.45 voxel) so that even a thin fibre leaves a
 * face-connected trail. NCM, pore and full-carbon voxels are skipped; the volume V is then shared
 * in proportion to the coverages (carbon finer than the grid becomes a per-voxel fraction), each
 * voxel capped at its free share 1 − c, the excess of capped voxels going to the others of the
 * same primitive (water-filling, so a primitive loses volume only when its footprint is full). The last primitive is scaled down so that the deposited
 * total equals the target exactly. Voxels that reach a carbon fraction of 1 are relabelled
 * `carbon` by {@link CarbonDepositor.finalize}.
 */
export class CarbonDepositor {
  /** Carbon volume written so far (voxel units). */
  public deposited = 0;
  private readonly indices: number[] = [];
  private readonly weights: number[] = [];
  private readonly tube = new Map<number, number>();
  /** Id of the next primitive (each deposit call is one carbon piece). */
  private nextPiece = 0;

  public constructor(
    private readonly grid: GridGeometry,
    private readonly labels: Uint8Array,
    private readonly carbonFraction: Float32Array,
    /** Target carbon volume (voxel units). */
    public readonly target: number,
    /**
     * Optional piece id per voxel (−1: none): the first primitive written into a voxel owns it,
     * so faces between voxels of different pieces are carbon–carbon contacts.
     */
    private readonly pieceId?: Int32Array,
    /** Optional strand flag per voxel, set to 1 by {@link depositTube}. */
    private readonly strand?: Uint8Array,
  ) {}

  /** Carbon volume still to place (voxel units). */
  public get remaining(): number {
    return Math.max(0, this.target - this.deposited);
  }

  /** Whether the target has been reached. */
  public get done(): boolean {
    return this.remaining <= 1e-9 * Math.max(1, this.target);
  }

  private freeVoxel(i: number): boolean {
    const label = this.labels[i];
    return label === PhaseLabel.se && this.carbonFraction[i]! < FULL_VOXEL;
  }

  private wrap(i: number, n: number): number {
    if (this.grid.periodic) return wrapIndex(i, n);
    return i >= 0 && i < n ? i : -1;
  }

  /**
   * Deposits a sphere (centre and radius in voxel units).
   *
   * @returns the carbon volume actually written (voxel units).
   */
  public depositSphere(cx: number, cy: number, cz: number, radius: number): number {
    const { nx, ny, nz } = this.grid;
    const rEff = Math.max(radius, 0.45);
    const reach = rEff + 0.5;
    this.indices.length = 0;
    this.weights.length = 0;
    for (let zi = Math.floor(cz - reach - 0.5); zi <= Math.ceil(cz + reach - 0.5); zi++) {
      const z = this.wrap(zi, nz);
      if (z < 0) continue;
      const dz = zi + 0.5 - cz;
      for (let yi = Math.floor(cy - reach - 0.5); yi <= Math.ceil(cy + reach - 0.5); yi++) {
        const y = this.wrap(yi, ny);
        if (y < 0) continue;
        const dy = yi + 0.5 - cy;
        for (let xi = Math.floor(cx - reach - 0.5); xi <= Math.ceil(cx + reach - 0.5); xi++) {
          const x = this.wrap(xi, nx);
          if (x < 0) continue;
          const dx = xi + 0.5 - cx;
          const f = 0.5 + rEff - Math.sqrt(dx * dx + dy * dy + dz * dz);
          if (f <= 0) continue;
          const i = x + nx * (y + ny * z);
          if (!this.freeVoxel(i)) continue;
          this.indices.push(i);
          this.weights.push(Math.min(1, f));
        }
      }
    }
    return this.commit((4 / 3) * Math.PI * radius ** 3);
  }

  /**
   * Deposits a tube of radius `radius` along a polyline (flat xyz list, voxel units, unwrapped
   * coordinates; periodic boxes wrap them).
   *
   * @returns the carbon volume actually written (voxel units).
   */
  public depositTube(points: readonly number[], radius: number): number {
    const { nx, ny, nz } = this.grid;
    const rEff = Math.max(radius, 0.45);
    const reach = rEff + 0.5;
    this.tube.clear();
    let length = 0;
    for (let p = 0; p + 5 < points.length; p += 3) {
      const ax = points[p]!;
      const ay = points[p + 1]!;
      const az = points[p + 2]!;
      const ux = points[p + 3]! - ax;
      const uy = points[p + 4]! - ay;
      const uz = points[p + 5]! - az;
      const len2 = ux * ux + uy * uy + uz * uz;
      length += Math.sqrt(len2);
      const lo = (a: number, b: number) => Math.floor(Math.min(a, b) - reach - 0.5);
      const hi = (a: number, b: number) => Math.ceil(Math.max(a, b) + reach - 0.5);
      for (let zi = lo(az, az + uz); zi <= hi(az, az + uz); zi++) {
        const z = this.wrap(zi, nz);
        if (z < 0) continue;
        for (let yi = lo(ay, ay + uy); yi <= hi(ay, ay + uy); yi++) {
          const y = this.wrap(yi, ny);
          if (y < 0) continue;
          for (let xi = lo(ax, ax + ux); xi <= hi(ax, ax + ux); xi++) {
            const x = this.wrap(xi, nx);
            if (x < 0) continue;
            const px = xi + 0.5 - ax;
            const py = yi + 0.5 - ay;
            const pz = zi + 0.5 - az;
            const t = len2 > 0 ? Math.min(1, Math.max(0, (px * ux + py * uy + pz * uz) / len2)) : 0;
            const qx = px - t * ux;
            const qy = py - t * uy;
            const qz = pz - t * uz;
            const f = 0.5 + rEff - Math.sqrt(qx * qx + qy * qy + qz * qz);
            if (f <= 0) continue;
            const i = x + nx * (y + ny * z);
            if (!this.freeVoxel(i)) continue;
            const previous = this.tube.get(i);
            if (previous === undefined || f > previous) this.tube.set(i, Math.min(1, f));
          }
        }
      }
    }
    this.indices.length = 0;
    this.weights.length = 0;
    for (const [i, f] of this.tube) {
      this.indices.push(i);
      this.weights.push(f);
    }
    const written = this.commit(Math.PI * radius * radius * length);
    if (this.strand !== undefined && written > 0) {
      for (const i of this.tube.keys()) if (this.carbonFraction[i]! > 0) this.strand[i] = 1;
    }
    return written;
  }

  private commit(nominalVolume: number): number {
    const n = this.indices.length;
    if (n === 0 || this.done) return 0;
    // Water-filling: share the nominal volume in proportion to the coverage weights, capped at
    // each voxel's free share; what capped voxels cannot take goes to the others (≤ 8 passes).
    const amounts = new Float64Array(n);
    const free = new Float64Array(n);
    for (let k = 0; k < n; k++) free[k] = 1 - this.carbonFraction[this.indices[k]!]!;
    let left = nominalVolume;
    for (let pass = 0; pass < 8 && left > 1e-12 * nominalVolume; pass++) {
      let weight = 0;
      for (let k = 0; k < n; k++) if (free[k]! > 0) weight += this.weights[k]!;
      if (weight <= 0) break;
      const scale = left / weight;
      for (let k = 0; k < n; k++) {
        if (free[k]! <= 0) continue;
        const add = Math.min(scale * this.weights[k]!, free[k]!);
        amounts[k]! += add;
        free[k]! -= add;
        left -= add;
      }
    }
    let written = 0;
    for (let k = 0; k < n; k++) written += amounts[k]!;
    if (written <= 0) return 0;
    const trim = written > this.remaining ? this.remaining / written : 1;
    let applied = 0;
    const piece = this.nextPiece++;
    for (let k = 0; k < n; k++) {
      const i = this.indices[k]!;
      if (this.pieceId !== undefined && this.pieceId[i] === -1 && amounts[k]! > 0) {
        this.pieceId[i] = piece;
      }
      const before = this.carbonFraction[i]!;
      const after = Math.fround(Math.min(1, before + trim * amounts[k]!));
      this.carbonFraction[i] = after;
      applied += after - before;
    }
    this.deposited += applied;
    return applied;
  }

  /** Relabels voxels whose carbon fraction reached 1 as full `carbon` voxels (fraction 0). */
  public finalize(): void {
    for (let i = 0; i < this.labels.length; i++) {
      if (this.carbonFraction[i]! >= FULL_VOXEL) {
        this.labels[i] = PhaseLabel.carbon;
        this.carbonFraction[i] = 0;
      }
    }
  }
}
