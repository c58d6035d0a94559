// Builds the next coarser multigrid level from a conductance graph: unknowns of each 2×2×2 block
// are grouped into the connected components of their strong links inside the block (so a block
// holding a carbon strand and the NCM around it gives two aggregates, not one), and the coarse
// graph is the Galerkin sum of the fine links between aggregates, scaled.
import type { GraphLevel } from './GraphLevel.js';
import { UnionFind } from './UnionFind.js';

/** A conductance graph to aggregate, with the block of every unknown. */
export interface LinkTable {
  readonly n: number;
  /** Links of unknown u are `rowStart[u] ≤ t < rowStart[u+1]`, or `6u ≤ t < 6u + 6` if absent. */
  readonly rowStart?: Int32Array;
  /** Linked unknown; ≥ n means a Dirichlet boundary (the link counts towards the diagonal). */
  readonly column: Int32Array;
  /** Link conductances (0 = no link). */
  readonly conductance: Float32Array;
  /** Further Dirichlet conductance of each unknown, if any. */
  readonly dirichlet?: Float32Array;
  /** Block of each unknown: x + bx (y + by z) in the block grid `blockShape`. */
  readonly block: Int32Array;
  readonly blockShape: readonly [number, number, number];
  /** Vector entry of each unknown, if not the unknown's own index. */
  readonly position?: Int32Array;
}

/** The coarse level, the aggregate of every fine unknown, and the table to coarsen it further. */
export interface Aggregation {
  readonly graph: GraphLevel;
  readonly parent: Int32Array;
  readonly table: LinkTable;
}

/** Block grid of the next level: halved (rounded up) along every axis longer than 1. */
export function halvedShape(shape: readonly [number, number, number]): [number, number, number] {
  return [Math.ceil(shape[0] / 2), Math.ceil(shape[1] / 2), Math.ceil(shape[2] / 2)];
}

/** Unknowns grouped by block (stable counting sort: deterministic order). */
interface BlockMembers {
  readonly blockStart: Int32Array;
  readonly members: Int32Array;
}

function groupByBlock(table: LinkTable): BlockMembers {
  const { n, block, blockShape } = table;
  const blocks = blockShape[0] * blockShape[1] * blockShape[2];
  const blockStart = new Int32Array(blocks + 1);
  for (let u = 0; u < n; u++) blockStart[block[u]! + 1]!++;
  for (let b = 0; b < blocks; b++) blockStart[b + 1]! += blockStart[b]!;
  const members = new Int32Array(n);
  const cursor = blockStart.slice(0, blocks);
  for (let u = 0; u < n; u++) members[cursor[block[u]!]!++] = u;
  return { blockStart, members };
}

/** Links of unknown u are `linkStart(table, u) ≤ t < linkStart(table, u + 1)`. */
function linkStart(table: LinkTable, u: number): number {
  return table.rowStart === undefined ? 6 * u : table.rowStart[u]!;
}

/** Largest link conductance of every unknown to another unknown. */
function strongestLinks(table: LinkTable): Float32Array {
  const { n, column, conductance } = table;
  const strongest = new Float32Array(n);
  for (let u = 0; u < n; u++) {
    let max = 0;
    const end = linkStart(table, u + 1);
    for (let t = linkStart(table, u); t < end; t++) {
      if (column[t]! < n && conductance[t]! > max) max = conductance[t]!;
    }
    strongest[u] = max;
  }
  return strongest;
}

/**
 * Aggregate of every unknown: the connected components, inside each block, of the links with
 * g ≥ strength × the strongest link of either end (strength < 0: the whole block); numbered
 * block by block in order of each component's first member. Returns the aggregate count.
 */
function componentsInBlocks(
  table: LinkTable,
  grouped: BlockMembers,
  strongest: Float32Array,
  strength: number,
  parent: Int32Array,
): number {
  const { n, column, conductance, block } = table;
  const { blockStart, members } = grouped;
  const sets = new UnionFind(n);
  let count = 0;
  for (let b = 0; b + 1 < blockStart.length; b++) {
    const s0 = blockStart[b]!;
    const s1 = blockStart[b + 1]!;
    if (s0 === s1) continue;
    if (strength < 0) {
      for (let s = s0; s < s1; s++) parent[members[s]!] = count;
      count++;
      continue;
    }
    for (let s = s0; s < s1; s++) {
      const u = members[s]!;
      const end = linkStart(table, u + 1);
      for (let t = linkStart(table, u); t < end; t++) {
        const v = column[t]!;
        if (v >= n || block[v] !== b) continue;
        const g = conductance[t]!;
        if (g <= 0 || g < strength * Math.max(strongest[u]!, strongest[v]!)) continue;
        sets.join(u, v);
      }
    }
    for (let s = s0; s < s1; s++) {
      const u = members[s]!;
      const r = sets.find(u);
      parent[u] = r === u ? count++ : parent[r]!;
    }
  }
  return count;
}

/**
 * Link strengths tried in turn: the first whose aggregation divides the unknowns by at least
 * {@link MIN_COARSENING} is kept. A link is strong when g ≥ strength × the strongest link of
 * either end: at 0.25 and 1000:1 contrast carbon–carbon links are strong, carbon–NCM links are
 * not; deeper levels, whose Galerkin sums vary with geometry, need a laxer test or whole blocks.
 */
const STRENGTHS = [0.25, 0.02, 0, -1] as const;
const MIN_COARSENING = 2.5;

/**
 * Aggregates `table` (see {@link componentsInBlocks}, {@link STRENGTHS}) and builds the Galerkin
 * coarse graph Pᵀ A P × `scale` (piecewise-constant P), whose unknowns' blocks are the next
 * 2×2×2 coarsening of the block grid.
 */
export function aggregateLinks(table: LinkTable, scale: number): Aggregation {
  const { n, column, conductance, block } = table;
  const grouped = groupByBlock(table);
  const { blockStart, members } = grouped;
  const strongest = strongestLinks(table);
  const parent = new Int32Array(n);
  let coarseN = n;
  for (const strength of STRENGTHS) {
    coarseN = componentsInBlocks(table, grouped, strongest, strength, parent);
    if (coarseN * MIN_COARSENING <= n) break;
  }
  const aggregateBlock = new Int32Array(coarseN);
  for (let s = 0; s < n; s++) aggregateBlock[parent[members[s]!]!] = block[members[s]!]!;
  const blocks = blockStart.length - 1;

  // Galerkin rows, aggregate by aggregate (an aggregate's members are all in its block).
  const coarseStart = new Int32Array(coarseN + 1);
  let coarseColumn = new Int32Array(8 * coarseN + 16);
  let coarseConductance = new Float64Array(coarseColumn.length);
  const diagonal = new Float32Array(coarseN);
  const dirichlet = new Float32Array(coarseN);
  const slot = new Int32Array(coarseN).fill(-1);
  let fill = 0;
  let aggregate = 0;
  for (let b = 0; b < blocks; b++) {
    const s0 = blockStart[b]!;
    const s1 = blockStart[b + 1]!;
    for (; aggregate < coarseN && aggregateBlock[aggregate] === b; aggregate++) {
      const rowBegin = fill;
      let boundary = 0;
      for (let s = s0; s < s1; s++) {
        const u = members[s]!;
        if (parent[u] !== aggregate) continue;
        if (table.dirichlet !== undefined) boundary += table.dirichlet[u]!;
        const end = linkStart(table, u + 1);
        for (let t = linkStart(table, u); t < end; t++) {
          const g = conductance[t]!;
          if (g <= 0) continue;
          const v = column[t]!;
          if (v >= n) {
            boundary += g;
            continue;
          }
          const q = parent[v]!;
          if (q === aggregate) continue;
          const at = slot[q]!;
          if (at >= rowBegin) {
            coarseConductance[at] = coarseConductance[at]! + g;
            continue;
          }
          if (fill === coarseColumn.length) {
            const grownColumn = new Int32Array(2 * fill);
            grownColumn.set(coarseColumn);
            coarseColumn = grownColumn;
            const grownConductance = new Float64Array(2 * fill);
            grownConductance.set(coarseConductance);
            coarseConductance = grownConductance;
          }
          slot[q] = fill;
          coarseColumn[fill] = q;
          coarseConductance[fill++] = g;
        }
      }
      // Row sum of the float32-rounded links, rounded up: the coarse matrix stays diagonally
      // dominant, hence SPD, in float32.
      let sum = Math.fround(scale * boundary);
      for (let t = rowBegin; t < fill; t++) {
        coarseConductance[t] = Math.fround(scale * coarseConductance[t]!);
        sum += coarseConductance[t]!;
      }
      const rounded = Math.fround(sum);
      dirichlet[aggregate] = scale * boundary;
      diagonal[aggregate] = rounded < sum ? Math.fround(sum * (1 + 2 ** -23)) : rounded;
      coarseStart[aggregate + 1] = fill;
    }
  }
  const scaled = Float32Array.from(coarseConductance.subarray(0, fill));
  const graph: GraphLevel = {
    n: coarseN,
    rowStart: coarseStart,
    column: coarseColumn.slice(0, fill),
    conductance: scaled,
    diagonal,
  };

  // Blocks of the coarse unknowns one level up.
  const [bx, by] = table.blockShape;
  const next = halvedShape(table.blockShape);
  const coarseBlock = new Int32Array(coarseN);
  for (let q = 0; q < coarseN; q++) {
    const key = aggregateBlock[q]!;
    const x = key % bx;
    const y = Math.floor(key / bx) % by;
    const z = Math.floor(key / (bx * by));
    coarseBlock[q] = (x >> 1) + next[0] * ((y >> 1) + next[1] * (z >> 1));
  }
  return {
    graph,
    parent,
    table: {
      n: coarseN,
      rowStart: graph.rowStart,
      column: graph.column,
      conductance: graph.conductance,
      dirichlet,
      block: coarseBlock,
      blockShape: next,
    },
  };
}
