// Microstructure-study benchmarks on the paper's electrodes (issue 16 item 8), run by
// `pnpm bench` or alone (`node tooling/bench/paperElectrodes.mjs [--sizes 128,200]`): `solidcell microstructure`
// for 90/9/1 wt% SC and CF at porosity 0.1, 128³ and 200³ voxels of 0.4 µm (51 and 80 µm boxes),
// six solves on two worker threads; wall time (generation included), solver seconds and the
// conjugate-gradient iterations summed over the six solves. Needs the built CLI. Prints JSON.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'apps/reference-cell/dist/bin.js');
const sizesArg = process.argv.indexOf('--sizes');
const sizes = (sizesArg > 0 ? process.argv[sizesArg + 1] : '128,200').split(',').map(Number);
const VOXEL_SIZE_UM = '0.4';

const rows = [];
for (const carbonType of ['sc', 'cf']) {
  for (const voxels of sizes) {
    const args = [
      ...['microstructure', '--ncm', '90', '--se', '9', '--carbon', '1', '--porosity', '0.1'],
      ...['--carbon-type', carbonType, '--voxels', `${voxels}`, '--voxel-size-um', VOXEL_SIZE_UM],
      ...['--jobs', '2', '--json'],
    ];
    const start = performance.now();
    const run = spawnSync(process.execPath, [cli, ...args], { maxBuffer: 1 << 26 });
    const wall_s = (performance.now() - start) / 1000;
    if (run.status !== 0) throw new Error(`microstructure failed:\n${run.stderr.toString()}`);
    const { solver } = JSON.parse(run.stdout.toString());
    rows.push({
      label: `solidcell microstructure ${voxels}³ × ${VOXEL_SIZE_UM} µm, 90/9/1 ${carbonType.toUpperCase()}, 6 solves on 2 threads (s)`,
      wall_s,
      solverSeconds: solver.seconds,
      iterations: solver.iterations,
      converged: solver.converged,
    });
    console.error(JSON.stringify(rows.at(-1)));
  }
}
console.log(JSON.stringify({ rows }));
