// Benchmark of the voxel conduction solver on seeded synthetic NCM/SE/carbon structures:
// seconds, iterations, throughput, bytes moved per iteration and a memory-bandwidth reference.
// Run: pnpm --filter @solidcell/transport bench  (add `--quick` for 64³ only).
import {
  createThreePhaseGrid,
  labelConductivityTable,
  solveVoxelConduction,
} from '../src/index.js';

declare const performance: { now(): number };
declare const process: { argv: string[] };
declare const console: { log(text: string): void };

const quick = process.argv.includes('--quick');
const sizes = quick ? [64] : [64, 128, 200];

/** Sustained copy bandwidth (bytes read + written per second) of a 256 MB Float64Array copy. */
function measureBandwidth(): number {
  const n = 16 * 1024 * 1024;
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

/**
 * Bytes moved per fine voxel per PCG iteration (fine level; coarse levels add ~1/7):
 * operator product 12 (3 conductances) + 4 (p) + 4 (q) = 20; update x(f64 r/w 16) + p 4 + r r/w 8 + q 4 = 32;
 * dots and p update ≈ 24; K-cycle fine level: 4 red–black half sweeps before and after the
 * coarse correction, each reading conductances 12 + b 4 + z r/w 8 = 24 → 8 × 24 = 192;
 * residual + restriction 12 + 4 + 4 = 20; prolongation 8. Total ≈ 296 B.
 */
const BYTES_PER_VOXEL_ITERATION = 296;

const ionic = labelConductivityTable({ pore: 0, ncm: 0, se: 0.2, carbon: 0, binder: 0 });
const electronic = labelConductivityTable({ pore: 0, ncm: 0.5, se: 0, carbon: 500, binder: 0 });
const bandwidth = measureBandwidth();
const rows: string[] = [];
const cases: [number, string, Float64Array][] = sizes.map((n) => [n, 'ionic', ionic]);
if (!quick) cases.push([128, 'electronic 1000:1', electronic]);
for (const [n, path, table] of cases) {
  const grid = createThreePhaseGrid({ shape: [n, n, n], seed: 2024, ncmRadius: n / 10 });
  const voxels = n ** 3;
  const fractions = [1, 2, 3].map((l) => grid.labels.filter((v) => v === l).length / voxels);
  const s = solveVoxelConduction(grid, table, 'x', { maxIterations: 400 });
  const solveSeconds = s.seconds - s.setupSeconds;
  const throughput = (voxels * s.iterations) / solveSeconds;
  rows.push(
    `| ${n}³ | ${path} | ${fractions.map((f) => (100 * f).toFixed(1)).join('/')} | ${s.iterations} | ` +
      `${s.relativeResidual.toExponential(1)} | ${s.currentBalanceError.toExponential(1)} | ` +
      `${s.setupSeconds.toFixed(2)} | ${solveSeconds.toFixed(2)} | ${(throughput / 1e6).toFixed(1)} | ` +
      `${((BYTES_PER_VOXEL_ITERATION * throughput) / 1e9).toFixed(1)} | ` +
      `${(s.solverBytes / voxels).toFixed(1)} | ${s.conductivity_S_per_m.toExponential(3)} |`,
  );
}
console.log(
  `Memory bandwidth (Float64Array copy, read+write): ${(bandwidth / 1e9).toFixed(1)} GB/s`,
);
console.log(`Estimated bytes moved per voxel per iteration: ${BYTES_PER_VOXEL_ITERATION}`);
console.log('');
console.log(
  '| grid | path | NCM/SE/C vol% | iterations | rel. residual | balance | setup s | solve s | Mvoxel·it/s | GB/s moved (est.) | solver B/voxel | σ_eff S/m |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
