// `pnpm bench`: runs every package benchmark one after another (never two at once on this small
// machine), times `solidcell reproduce --quick` and the default reproduction from an empty cache,
// and appends a dated table of each performance target (measured median, spread, holds or not)
// to BENCHMARKS.md, written atomically. `--no-default-reproduction` skips the long default run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const skipDefault = process.argv.includes('--no-default-reproduction');

function step(title, command, args) {
  console.log(`\n== ${title}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

function readResults(pkg) {
  const file = join(root, 'packages', pkg, 'bench', 'results.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** Wall time of one reproduction from an empty output folder (its cache starts empty). */
function timeReproduction(quick) {
  const out = mkdtempSync(join(tmpdir(), 'solidcell-bench-reproduce-'));
  const args = [join(root, 'apps/reference-cell/dist/bin.js'), 'reproduce', '--out', out];
  if (quick) args.push('--quick');
  console.log(`\n== solidcell reproduce${quick ? ' --quick' : ''} (output in ${out})`);
  const started = performance.now();
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const seconds = (performance.now() - started) / 1000;
  rmSync(out, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`reproduce failed:\n${run.stderr.toString().slice(-2000)}`);
  return seconds;
}

/** Wall time of one `solidcell simulate` run (seconds), process start-up included. */
function timeSimulate(args) {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [join(root, 'apps/reference-cell/dist/bin.js'), 'simulate', ...args, '--json'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (run.status !== 0) throw new Error(`simulate failed:\n${run.stderr.toString().slice(-2000)}`);
  return (performance.now() - started) / 1000;
}

/** Wall time of `solidcell microstructure` at 96³ (90/9/1 wt% SC) on `jobs` worker threads. */
function timeMicrostructureStudy(jobs) {
  console.log(`\n== solidcell microstructure 96³, 6 solves on ${jobs} worker thread(s)`);
  const started = performance.now();
  const args = ['--ncm', '90', '--se', '9', '--carbon', '1', '--voxels', '96', '--json'];
  const run = spawnSync(
    process.execPath,
    [join(root, 'apps/reference-cell/dist/bin.js'), 'microstructure', ...args, '--jobs', `${jobs}`],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (run.status !== 0) throw new Error(`microstructure failed:\n${run.stderr.toString()}`);
  return (performance.now() - started) / 1000;
}

/** 150 ageing cycles of a 6 mAh/cm² SC electrode with every first-party plugin, minus CLI start-up. */
function timeAgeingCycles() {
  console.log(
    '\n== solidcell simulate: 150 cycles at 0.2C, 60 °C, 90/9/1 wt% SC, 6 mAh/cm², side reactions on',
  );
  const cell = ['--ncm', '90', '--se', '9', '--carbon', '1'];
  const conditions = ['--loading-mah-cm2', '6', '--temperature-c', '60'];
  const startup = timeSimulate([...cell, ...conditions, '--step', 'Rest for 1 second']);
  const total = timeSimulate([
    ...cell,
    ...conditions,
    '--protocol',
    'cycling',
    '--cycles',
    '150',
    '--c-rate',
    '0.2',
  ]);
  return total - startup;
}

step('package benchmarks', bin('turbo'), ['run', 'bench', '--concurrency=1']);
step('build the CLI', bin('turbo'), [
  'run',
  'build',
  '--filter=@solidcell/cli...',
  '--output-logs=errors-only',
]);
const ageingSeconds = timeAgeingCycles();
const studySeconds = [1, 2].map(timeMicrostructureStudy);
const quickSeconds = timeReproduction(true);
const defaultSeconds = skipDefault ? undefined : timeReproduction(false);
console.log('\n== sweeps: local engine, queue overhead, 2 workers vs 1 (tooling/bench/sweep.mjs)');
const sweepBench = JSON.parse(
  execFileSync(process.execPath, [join(root, 'tooling/bench/sweep.mjs')], { cwd: root }).toString(),
);

console.log(
  '\n== microstructure studies on the paper electrodes (tooling/bench/paperElectrodes.mjs)',
);
const paperBench = JSON.parse(
  execFileSync(process.execPath, [join(root, 'tooling/bench/paperElectrodes.mjs')], {
    cwd: root,
  }).toString(),
);

const transport = readResults('transport');
const cell = readResults('cell');
const microstructure = readResults('microstructure');
const voxelCase = (name, n) => transport?.results.find((r) => r.case === name && r.shape[0] === n);
const cellRow = (id) => cell?.rows.find((r) => r.id === id);

const fmt = (v, digits = 2) => (v === undefined ? 'not measured' : v.toFixed(digits));
const spread = (s) => (s ? `${fmt(s.median, 3)} (${fmt(s.min, 3)}–${fmt(s.max, 3)})` : '—');
const verdict = (value, limit) =>
  value === undefined ? 'not measured' : value <= limit ? 'holds' : 'missed';
const rows = [];
const target = (what, limit, measured, holds, detail = '') =>
  rows.push(`| ${what} | ${limit} | ${measured} | ${holds} | ${detail} |`);

const ionic200 = voxelCase('ionic', 200);
target(
  'voxel solve 200³, ionic, rel. residual 1e-6 (s, setup included)',
  '≤ 2 s',
  spread(ionic200?.seconds),
  verdict(ionic200?.seconds.median, 2),
  ionic200 ? `${ionic200.iterations} iterations (target ≤ 40)` : '',
);
for (const [name, label] of [
  ['electronic 1000:1', 'voxel solve 128³, electronic 1000:1 (s)'],
  [
    'electronic 1000:1, strong aggregation',
    'voxel solve 128³, electronic 1000:1, option `aggregation: strong` (s)',
  ],
]) {
  const electronic = voxelCase(name, 128);
  target(
    label,
    '≤ 2 s',
    spread(electronic?.seconds),
    verdict(electronic?.seconds.median, 2),
    electronic ? `${electronic.iterations} iterations` : '',
  );
}
target(
  'voxel solve 200³: modelled traffic / measured copy bandwidth',
  '≥ 50 %',
  ionic200 ? `${fmt(100 * ionic200.bandwidthFraction, 0)} %` : '—',
  ionic200 ? (ionic200.bandwidthFraction >= 0.5 ? 'holds' : 'missed') : 'not measured',
  transport ? `copy bandwidth ${fmt(transport.bandwidth_B_per_s / 1e9, 1)} GB/s` : '',
);
target(
  'voxel solve 200³: solver memory (B/voxel)',
  '≤ 40',
  ionic200 ? fmt(ionic200.solverBytesPerVoxel, 1) : '—',
  verdict(ionic200?.solverBytesPerVoxel, 40),
);
for (const row of microstructure?.rows ?? [])
  target(row.label, '—', spread(row.seconds), 'no target');
for (const row of paperBench.rows)
  target(
    row.label,
    '—',
    fmt(row.wall_s, 1),
    'no target',
    `${row.iterations} iterations, solves ${fmt(row.solverSeconds, 1)} s${row.converged ? '' : ', not converged'}`,
  );
const discharge = cellRow('cell.discharge_1c');
target(
  discharge?.label ?? '1C discharge',
  '≤ 5 ms',
  discharge ? `${spread(discharge.seconds)} s` : '—',
  verdict(discharge?.seconds.median, 0.005),
  discharge?.details ?? '',
);
const formation = cellRow('cell.formation_0_05c');
target(
  formation?.label ?? '0.05C formation',
  '≪ 1 s',
  formation ? `${spread(formation.seconds)} s` : '—',
  verdict(formation?.seconds.median, 1),
  formation?.details ?? '',
);
const cycles = cellRow('cell.cycles_150');
target(
  cycles?.label ?? '150 cycles',
  '≤ 1 s',
  cycles ? `${spread(cycles.seconds)} s` : '—',
  verdict(cycles?.seconds.median, 1),
  cycles?.details ?? '',
);
target(
  '150 cycles 0.2C/60 °C, 90/9/1 SC at 6 mAh/cm², all plugins incl. argyrodite oxidation (s)',
  '≤ 1 s',
  fmt(ageingSeconds, 2),
  verdict(ageingSeconds, 1),
  'CLI wall time minus its start-up (default mesh, formation first)',
);
target(
  'solidcell microstructure 96³, 90/9/1 SC, 6 solves: 1 → 2 worker threads (s)',
  'both cores used',
  `${fmt(studySeconds[0], 1)} → ${fmt(studySeconds[1], 1)}`,
  studySeconds[1] < studySeconds[0] ? 'holds' : 'missed',
  `speed-up ${fmt(studySeconds[0] / studySeconds[1])}× (independent solves on worker threads)`,
);
target(
  'solidcell reproduce --quick (s, empty cache)',
  '≤ 10 s',
  fmt(quickSeconds, 1),
  verdict(quickSeconds, 10),
);
target(
  'solidcell reproduce, default settings (s, empty cache)',
  '≤ 60 s',
  fmt(defaultSeconds, 1),
  verdict(defaultSeconds, 60),
);
target(
  'sweep, effective-medium, formation + 0.1C + 1C per point, local engine, 2 threads (points/s)',
  '≥ 5',
  fmt(sweepBench.localPointsPerSecond),
  sweepBench.localPointsPerSecond >= 5 ? 'holds' : 'missed',
  `${sweepBench.localPoints} points, worker start-up included`,
);
target(
  'sweep --queue: overhead per point on loopback Redis, 1 worker (ms)',
  '≤ 5 ms',
  sweepBench.queue ?? fmt(sweepBench.queueOverheadPerPoint_ms, 1),
  verdict(sweepBench.queueOverheadPerPoint_ms, 5),
  'sweep wall time minus the points’ own simulation time, per point',
);
target(
  'sweep --queue: 2 workers vs 1 on 2 cores (speed-up)',
  '≥ 1.8×',
  sweepBench.queue ?? `${fmt(sweepBench.twoWorkerSpeedup)}×`,
  sweepBench.twoWorkerSpeedup === undefined
    ? 'not measured'
    : sweepBench.twoWorkerSpeedup >= 1.8
      ? 'holds'
      : 'missed',
);

const section = [
  '',
  `## ${new Date().toISOString().slice(0, 10)} — ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  '',
  'Single-threaded solvers (the microstructure study row: whole solves on worker threads); medians with (min–max) over the runs each benchmark states.',
  '',
  '| benchmark | target | measured median (min–max) | verdict | detail |',
  '|---|---|---|---|---|',
  ...rows,
  '',
].join('\n');
const file = join(root, 'BENCHMARKS.md');
const previous = readFileSync(file, 'utf8').replace('\nNo benchmark has been recorded yet.\n', '');
writeFileSync(`${file}.tmp`, `${previous.trimEnd()}\n${section}`);
renameSync(`${file}.tmp`, file);
console.log(section);
console.log('appended to BENCHMARKS.md');
