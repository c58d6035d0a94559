// A coarse multigrid level on a conductance graph behind the LevelSystem interface: symmetric
// Gauss–Seidel (forward sweeps before, backward sweeps after the coarse correction) and the
// aggregation transfers to the next level.
import type { LinkTable } from './aggregateLinks.js';
import type { CoarseSize, LevelSystem } from './FineSystem.js';
import {
  type GraphLevel,
  graphApply,
  graphBackwardSweep,
  graphEnergy,
  graphForwardSweep,
  graphLevelBytes,
  graphRestrict,
  prolongByParent,
} from './GraphLevel.js';
import type { LevelVector } from './stencilKernels.js';

export class GraphSystem implements LevelSystem {
  public readonly length: number;
  public readonly unknowns: number;
  public traffic = 0;
  private parent: Int32Array = new Int32Array(0);
  private coarse: CoarseSize = { unknowns: 0, length: 0 };
  /** Modelled bytes of one sweep, product or residual (rows, links, gathered x). */
  private readonly passBytes: number;

  /** The graph's link table with its blocks, until the next aggregation has taken it. */
  private table: LinkTable | undefined;

  public constructor(
    private readonly graph: GraphLevel,
    table: LinkTable,
  ) {
    this.table = table;
    this.length = graph.n;
    this.unknowns = graph.n;
    this.passBytes = 16 * graph.n + 8 * graph.column.length;
  }

  /** Bytes held (graph and transfer map). */
  public get bytes(): number {
    return graphLevelBytes(this.graph) + this.parent.byteLength;
  }

  public apply(x: LevelVector, y: LevelVector): number {
    this.traffic += this.passBytes;
    return graphApply(this.graph, x, y);
  }

  public dot(a: LevelVector, b: LevelVector): number {
    this.traffic += 8 * this.unknowns;
    let sum = 0;
    for (let u = 0; u < this.unknowns; u++) sum += a[u]! * b[u]!;
    return sum;
  }

  public combine(alpha: number, a: LevelVector, beta: number, b: LevelVector): void {
    this.traffic += 12 * this.unknowns;
    for (let u = 0; u < this.unknowns; u++) a[u] = alpha * a[u]! + beta * b[u]!;
  }

  public energy(x: LevelVector): number {
    this.traffic += this.passBytes - 4 * this.unknowns;
    return graphEnergy(this.graph, x);
  }

  public preSmooth(b: LevelVector, x: LevelVector, steps: number): void {
    this.traffic += steps * this.passBytes;
    for (let s = 0; s < steps; s++) graphForwardSweep(this.graph, b, x, s === 0);
  }

  public postSmooth(b: LevelVector, x: LevelVector, steps: number): void {
    this.traffic += steps * this.passBytes;
    for (let s = 0; s < steps; s++) graphBackwardSweep(this.graph, b, x);
  }

  public restrict(b: LevelVector, x: LevelVector, cb: LevelVector): void {
    this.traffic += this.passBytes + 4 * this.unknowns + 8 * this.coarse.unknowns;
    graphRestrict(this.graph, b, x, this.parent, cb, this.coarse.length);
  }

  public prolongAdd(e: LevelVector, x: LevelVector): void {
    this.traffic += 12 * this.unknowns + 4 * this.coarse.unknowns;
    prolongByParent(this.unknowns, this.parent, e, x);
  }

  /** Hands the link table over once (its block and Dirichlet arrays are setup-only). */
  public linkTable(): LinkTable {
    const { table } = this;
    if (table === undefined) throw new Error('GraphSystem.linkTable: already taken');
    this.table = undefined;
    return table;
  }

  public attachCoarse(parent: Int32Array, coarse: CoarseSize): void {
    this.parent = parent;
    this.coarse = coarse;
  }
}
