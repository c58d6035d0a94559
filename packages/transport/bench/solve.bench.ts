// Benchmark of the voxel conduction solver on seeded synthetic NCM/SE/carbon structures: wall
// time (median of a few runs with spread), iterations, throughput, modelled bytes moved per
// iteration against a memory-bandwidth reference measured in the same run, bytes per voxel.
// Writes bench/results.json and prints a markdown table.
// Run: pnpm --filter @solidcell/transport bench  (`--quick` for 64³ only).
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createThreePhaseGrid,
  labelConductivityTable,
  solveVoxelConduction,
  type VoxelSolution,
  type VoxelSolveOptions,
} from '../src/index.js';

const quick = process.argv.includes('--quick');

/** Sustained copy bandwidth (bytes read + written per second), best of 5 copies of 256 MB. */
function measureBandwidth(): number {
  const n = 32 * 1024 * 1024;
  const a = new Float64Array(n).fill(1);
  const b = new Float64Array(n);
  let best = Number.POSITIVE_INFINITY;
  for (let repeat = 0; repeat < 5; repeat++) {
    const start = performance.now();
    b.set(a);
    best = Math.min(best, performance.now() - start);
  }
  return (2 * 8 * n) / (best / 1000);
}

interface Case {
  readonly name: string;
  readonly n: number;
  readonly path: 'ionic' | 'electronic';
  /** Carbon : NCM conductivity ratio of the electronic path. */
  readonly contrast?: number;
  readonly runs: number;
  readonly options?: VoxelSolveOptions;
}

const SIGMA_SE_S_PER_M = 0.2; // parameters.md §5 (σ_SE,25)
const SIGMA_CARBON_S_PER_M = 500; // parameters.md §6.2 (σ_SC)

function tableOf(c: Case): Float64Array {
  if (c.path === 'ionic') {
    return labelConductivityTable({ pore: 0, ncm: 0, se: SIGMA_SE_S_PER_M, carbon: 0, binder: 0 });
  }
  const ncm = SIGMA_CARBON_S_PER_M / (c.contrast ?? 1000);
  return labelConductivityTable({ pore: 0, ncm, se: 0, carbon: SIGMA_CARBON_S_PER_M, binder: 0 });
}

const cases: Case[] = quick
  ? [{ name: 'ionic', n: 64, path: 'ionic', runs: 3 }]
  : [
      { name: 'ionic', n: 64, path: 'ionic', runs: 3 },
      { name: 'ionic', n: 128, path: 'ionic', runs: 3 },
      {
        name: 'ionic, grid storage',
        n: 128,
        path: 'ionic',
        runs: 1,
        options: { multigrid: { storage: 'grid' } },
      },
      {
        name: 'ionic, compact, K-cycle 2 sweeps',
        n: 128,
        path: 'ionic',
        runs: 1,
        options: { multigrid: { cycle: 'K', fineSmoothingSteps: 2 } },
      },
      { name: 'ionic', n: 200, path: 'ionic', runs: 3 },
      { name: 'electronic 1000:1', n: 128, path: 'electronic', contrast: 1000, runs: 2 },
      {
        name: 'electronic 1000:1, no cluster correction',
        n: 128,
        path: 'electronic',
        contrast: 1000,
        runs: 1,
        options: { multigrid: { clusters: false } },
      },
      {
        name: 'electronic 1000:1, strong aggregation',
        n: 128,
        path: 'electronic',
        contrast: 1000,
        runs: 1,
        options: { multigrid: { aggregation: 'strong' } },
      },
      ...[10, 100, 1000, 10000, 500000].flatMap((contrast): Case[] =>
        (['blocks', 'strong', 'no clusters'] as const).map((variant) => ({
          name: `electronic ${contrast}:1${variant === 'blocks' ? '' : `, ${variant === 'strong' ? 'strong aggregation' : 'no cluster correction'}`}`,
          n: 64,
          path: 'electronic',
          contrast,
          runs: 1,
          options: {
            multigrid:
              variant === 'no clusters'
                ? { clusters: false }
                : { aggregation: variant === 'strong' ? 'strong' : 'blocks' },
          },
        })),
      ),
    ];

const bandwidth_B_per_s = measureBandwidth();
const benchStart = performance.now();
const results = [];
for (const c of cases) {
  const grid = createThreePhaseGrid({ shape: [c.n, c.n, c.n], seed: 2024, ncmRadius: c.n / 10 });
  const voxels = c.n ** 3;
  const table = tableOf(c);
  const solutions: VoxelSolution[] = [];
  for (let run = 0; run < c.runs; run++) {
    solutions.push(solveVoxelConduction(grid, table, 'x', { maxIterations: 400, ...c.options }));
  }
  const byTime = [...solutions].sort((a, b) => a.seconds - b.seconds);
  const median = byTime[Math.floor((byTime.length - 1) / 2)]!;
  const solveSeconds = median.seconds - median.setupSeconds;
  const bytesPerIteration = median.bytesMovedPerIteration ?? 0;
  const achieved_B_per_s = (bytesPerIteration * median.iterations) / solveSeconds;
  results.push({
    case: c.name,
    shape: [c.n, c.n, c.n],
    threads: 1,
    runs: c.runs,
    seconds: { median: median.seconds, min: byTime[0]!.seconds, max: byTime.at(-1)!.seconds },
    setupSeconds: median.setupSeconds,
    solveSeconds,
    iterations: median.iterations,
    relativeResidual: median.relativeResidual,
    currentBalanceError: median.currentBalanceError,
    storage: median.storage,
    activeFraction: median.activeVoxels / voxels,
    voxelIterationsPerSecond: (voxels * median.iterations) / solveSeconds,
    activeVoxelIterationsPerSecond: (median.activeVoxels * median.iterations) / solveSeconds,
    bytesMovedPerIteration: bytesPerIteration,
    bytesMovedPerActiveVoxelIteration: bytesPerIteration / median.activeVoxels,
    achievedBandwidth_B_per_s: achieved_B_per_s,
    bandwidthFraction: achieved_B_per_s / bandwidth_B_per_s,
    solverBytesPerVoxel: median.solverBytes / voxels,
    conductivity_S_per_m: median.conductivity_S_per_m,
  });
}

const report = {
  machine: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  totalMemory_B: totalmem(),
  node: process.version,
  date: new Date().toISOString(),
  bandwidth_B_per_s,
  bandwidthMethod: 'best of 5 Float64Array copies of 256 MB, bytes read + written',
  twoThreads: 'not measured: the solver is single-threaded (see README, Performance)',
  benchSeconds: (performance.now() - benchStart) / 1000,
  results,
};
if (!quick) {
  const here = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
}

const f = (v: number, digits = 2) => v.toFixed(digits);
console.log(`${report.machine}, ${report.cores} cores, node ${report.node}, ${report.date}`);
console.log(
  `Memory bandwidth (Float64Array copy, read+write): ${f(bandwidth_B_per_s / 1e9, 1)} GB/s`,
);
console.log('');
console.log(
  '| grid | case | storage | active % | threads | s (median, min–max) | setup s | solve s | iterations | rel. residual | Mvoxel·it/s | B/iteration per active voxel | GB/s | of bandwidth | B/voxel | σ_eff S/m |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.shape[0]}³ | ${r.case} | ${r.storage} | ${f(100 * r.activeFraction, 1)} | ${r.threads} | ` +
      `${f(r.seconds.median)} (${f(r.seconds.min)}–${f(r.seconds.max)}) | ${f(r.setupSeconds)} | ` +
      `${f(r.solveSeconds)} | ${r.iterations} | ${r.relativeResidual.toExponential(1)} | ` +
      `${f(r.voxelIterationsPerSecond / 1e6, 1)} | ${f(r.bytesMovedPerActiveVoxelIteration, 0)} | ` +
      `${f(r.achievedBandwidth_B_per_s / 1e9)} | ${f(100 * r.bandwidthFraction, 0)} % | ` +
      `${f(r.solverBytesPerVoxel, 1)} | ${r.conductivity_S_per_m.toExponential(4)} |`,
  );
}
