// Coarse correction on the highly conducting clusters of a voxel solve: every connected group of
// strongly linked unknowns (a carbon island and the voxels holding sub-voxel carbon around it)
// moves as one. It adds what the block multigrid cannot see: the potential of a whole island
// floating on weak links through the matrix phase.
import type { LinkVisitor } from './FineSystem.js';
import type { LevelVector } from './stencilKernels.js';
import { UnionFind } from './UnionFind.js';

/** Link conductances are binned by half decades below 1 (the largest σ) for the contrast gap. */
const BINS_PER_DECADE = 2;
const BINS = 30;
/** A bin holding at most this fraction of the links counts as empty (stray mixed voxels). */
const EMPTY_BIN = 1e-4;
/** An empty run of at least this many bins (one decade) separates strong from weak links. */
const GAP_BINS = 2;

/**
 * The conductance above which links are strong: the lower edge of the band of the largest
 * conductances, i.e. the top of the first gap of at least one decade in the histogram of link
 * conductances. Undefined when no such gap has links below it (no contrast). Measured:
 * the paper's SC and CF electrodes, electronic path, give 10⁻³ of the largest (the sub-voxel
 * carbon rims fill the decades above; 1e-3 to 1e-5 converge alike there, 1e-2 and above split
 * islands at their rims and stall); a two-phase 1000:1 composite gives 10^-0.5 (carbon links
 * only; 22 instead of 61 iterations at 64³).
 */
function strongThreshold(graph: LinkGraph): number | undefined {
  // Conductances are normalised by the largest voxel σ, so every link is at most 1.
  const counts = new Float64Array(BINS + 1);
  let links = 0;
  graph.eachLink((_p, _q, g, boundary) => {
    if (boundary) return;
    const bin = Math.floor(-BINS_PER_DECADE * Math.log10(g));
    counts[Math.min(BINS, Math.max(0, bin))]!++;
    links++;
  });
  const empty = EMPTY_BIN * links;
  let top = 0;
  while (top < BINS && counts[top]! <= empty) top++;
  for (let bin = top + 1; bin + GAP_BINS <= BINS; bin++) {
    let gap = true;
    for (let k = bin; k < bin + GAP_BINS; k++) gap &&= counts[k]! <= empty;
    if (!gap) continue;
    let below = 0;
    for (let k = bin + GAP_BINS; k <= BINS; k++) below += counts[k]!;
    return below > empty ? 10 ** (-bin / BINS_PER_DECADE) : undefined;
  }
  return undefined;
}

/** The links of a level by vector position (see FineSystem.eachLink). */
export interface LinkGraph {
  /** Vector length. */
  readonly length: number;
  eachLink(visit: LinkVisitor): void;
}

/**
 * Cluster of every vector position (−1: none): the connected components of the strong links,
 * then joined wherever two of them share any link, so that no link couples two clusters and their
 * Galerkin matrix Zᵀ A Z is diagonal. Undefined when the level has no contrast gap.
 */
function strongClusters(graph: LinkGraph): { count: number; clusterOf: Int32Array } | undefined {
  const threshold = strongThreshold(graph);
  if (threshold === undefined) return undefined;
  const sets = new UnionFind(graph.length);
  const clustered = new Uint8Array(graph.length);
  graph.eachLink((p, q, g, boundary) => {
    if (boundary || g < threshold) return;
    sets.join(p, q);
    clustered[p] = 1;
    clustered[q] = 1;
  });
  graph.eachLink((p, q, _g, boundary) => {
    if (!boundary && clustered[p] === 1 && clustered[q] === 1) sets.join(p, q);
  });
  const clusterOf = new Int32Array(graph.length).fill(-1);
  let count = 0;
  for (let p = 0; p < graph.length; p++) {
    if (clustered[p] === 0) continue;
    const r = sets.find(p);
    clusterOf[p] = r === p ? count++ : clusterOf[r]!;
  }
  return { count, clusterOf };
}

/**
 * Coarse correction x += Z E⁻¹ Zᵀ (b − A x), Z the indicator vectors of the strongly linked
 * clusters and E = Zᵀ A Z, diagonal by construction (its entries: the conductance of the links
 * leaving each cluster, Dirichlet faces included). Zᵀ A x needs only those links (the links inside
 * a cluster cancel), so a correction costs one pass over the clustered unknowns and their boundary
 * links, not a matrix–vector product.
 */
export class ClusterCorrection {
  private constructor(
    /** Vector positions of the clustered unknowns, cluster by cluster. */
    private readonly members: Int32Array,
    private readonly memberStart: Int32Array,
    /** Links leaving each cluster: positions of both ends (−1: Dirichlet), conductance. */
    private readonly boundaryStart: Int32Array,
    private readonly inside: Int32Array,
    private readonly outside: Int32Array,
    private readonly conductance: Float32Array,
    /** 1 / E_cc (float64). */
    private readonly inverseDiagonal: Float64Array,
  ) {}

  /** The correction for a level's links, or undefined without contrast or clusters. */
  public static build(graph: LinkGraph): ClusterCorrection | undefined {
    const clusters = strongClusters(graph);
    if (clusters === undefined || clusters.count === 0) return undefined;
    const { count, clusterOf } = clusters;
    const memberStart = new Int32Array(count + 1);
    for (let p = 0; p < graph.length; p++)
      if (clusterOf[p]! >= 0) memberStart[clusterOf[p]! + 1]!++;
    // Boundary links: every link whose ends lie in different clusters (or none), for each end
    // that lies in a cluster; the far end −1 on a Dirichlet face.
    const boundaryStart = new Int32Array(count + 1);
    const eachBoundaryLink = (
      emit: (c: number, inside: number, outside: number, g: number) => void,
    ) =>
      graph.eachLink((p, q, g, boundary) => {
        const cp = clusterOf[p]!;
        const cq = boundary ? -1 : clusterOf[q]!;
        if (cp === cq) return;
        if (cp >= 0) emit(cp, p, boundary ? -1 : q, g);
        if (cq >= 0) emit(cq, q, p, g);
      });
    eachBoundaryLink((c) => boundaryStart[c + 1]!++);
    for (let c = 0; c < count; c++) {
      memberStart[c + 1]! += memberStart[c]!;
      boundaryStart[c + 1]! += boundaryStart[c]!;
    }
    const members = new Int32Array(memberStart[count]!);
    const memberCursor = memberStart.slice(0, count);
    for (let p = 0; p < graph.length; p++) {
      const c = clusterOf[p]!;
      if (c >= 0) members[memberCursor[c]!++] = p;
    }
    const inside = new Int32Array(boundaryStart[count]!);
    const outside = new Int32Array(boundaryStart[count]!);
    const conductance = new Float32Array(boundaryStart[count]!);
    const diagonal = new Float64Array(count);
    const boundaryCursor = boundaryStart.slice(0, count);
    eachBoundaryLink((c, p, q, g) => {
      const slot = boundaryCursor[c]!++;
      inside[slot] = p;
      outside[slot] = q;
      conductance[slot] = g;
      diagonal[c]! += g;
    });
    // Every cluster belongs to the face-connected active set, so some link leaves it: E_cc > 0.
    return new ClusterCorrection(
      members,
      memberStart,
      boundaryStart,
      inside,
      outside,
      conductance,
      diagonal.map((d) => 1 / d),
    );
  }

  /** Number of clusters (coarse unknowns). */
  public get clusters(): number {
    return this.inverseDiagonal.length;
  }

  /** Clustered unknowns. */
  public get clusteredUnknowns(): number {
    return this.members.length;
  }

  /** Bytes held (member and boundary lists, diagonal). */
  public get bytes(): number {
    return (
      this.members.byteLength +
      this.memberStart.byteLength +
      this.boundaryStart.byteLength +
      this.inside.byteLength +
      this.outside.byteLength +
      this.conductance.byteLength +
      this.inverseDiagonal.byteLength
    );
  }

  /** Modelled bytes one {@link correct} moves (b and x read, x written, lists streamed). */
  public get traffic(): number {
    return 16 * this.members.length + 20 * this.inside.length + 16 * this.inverseDiagonal.length;
  }

  /** x += Z E⁻¹ Zᵀ (b − A x). */
  public correct(b: LevelVector, x: LevelVector): void {
    const { members, memberStart, boundaryStart, inside, outside, conductance } = this;
    const { inverseDiagonal } = this;
    for (let c = 0; c < inverseDiagonal.length; c++) {
      let residual = 0;
      for (let t = memberStart[c]!; t < memberStart[c + 1]!; t++) residual += b[members[t]!]!;
      for (let t = boundaryStart[c]!; t < boundaryStart[c + 1]!; t++) {
        const v = outside[t]!;
        residual -= conductance[t]! * (x[inside[t]!]! - (v < 0 ? 0 : x[v]!));
      }
      const shift = residual * inverseDiagonal[c]!;
      for (let t = memberStart[c]!; t < memberStart[c + 1]!; t++) x[members[t]!]! += shift;
    }
  }
}
