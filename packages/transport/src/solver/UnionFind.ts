// Disjoint sets over 0…n−1 (union–find with path compression), for grouping linked unknowns.

/** Union–find whose representative of a set is always its smallest member. */
export class UnionFind {
  private readonly root: Int32Array;

  public constructor(n: number) {
    this.root = Int32Array.from({ length: n }, (_, u) => u);
  }

  /** Smallest member of the set holding u. */
  public find(u: number): number {
    const { root } = this;
    let r = u;
    while (root[r] !== r) r = root[r]!;
    while (root[u] !== r) {
      const next = root[u]!;
      root[u] = r;
      u = next;
    }
    return r;
  }

  /** Merges the sets holding u and v. */
  public join(u: number, v: number): void {
    const ru = this.find(u);
    const rv = this.find(v);
    if (ru !== rv) this.root[Math.max(ru, rv)] = Math.min(ru, rv);
  }
}
