// Sweep benchmarks (issue 20), run by `pnpm bench` or alone (`node tooling/bench/sweep.mjs`):
// effective-medium points/s of the local engine (formation + 0.1C + 1C per point, 2 threads),
// queue overhead per point on loopback Redis, and two workers vs one. The overhead is the
// marginal cost of a point with a trivial experiment (a 1 s rest): the growth of (sweep wall
// time − the points' own run time) from a 40- to a 160-point sweep on one warmed-up worker, so
// the sweep's fixed costs (connections, first-point JIT in the worker thread, CSV/Parquet
// export) are reported apart. Needs the built CLI and, for the queue rows, a redis-server on
// PATH (started here on a free port, persistence off). Prints JSON.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'apps/reference-cell/dist/bin.js');
const base = join(root, 'apps/reference-cell/configs/ncm90_sc1.json');
const work = mkdtempSync(join(tmpdir(), 'solidcell-bench-sweep-'));

/**
 * A design of `ncm.length` × `carbons.length` points; formation, 0.1C and 1C discharges unless
 * `protocol` replaces them.
 */
function writeDesign(name, ncm, { carbons = ['carbon-spherical', 'carbon-fiber'], protocol } = {}) {
  const path = join(work, `${name}.json`);
  const design = {
    schemaVersion: 1,
    name,
    base,
    axes: [
      { path: 'massFractions_wtPct.ncm', values: ncm },
      { path: 'plugins.carbon.id', values: carbons },
    ],
    experiments: protocol ? { protocol } : { rateCRates: [0.1, 1] },
  };
  writeFileSync(path, JSON.stringify(design));
  return path;
}

const grid = (count, from, step = 0.25) =>
  Array.from({ length: count }, (_, k) => Number((from + k * step).toFixed(6)));

function sweep(design, out, extra) {
  const run = spawnSync(
    process.execPath,
    [cli, 'sweep', design, '--out', out, '--json', ...extra],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (run.status !== 0) throw new Error(`sweep failed:\n${run.stderr.toString().slice(-2000)}`);
  return JSON.parse(run.stdout.toString());
}

/** Sum of the points' own simulation times (s): the last column of the CSV export. */
function simulationSeconds(out) {
  const [, ...lines] = readFileSync(join(out, 'points.csv'), 'utf8').trim().split('\n');
  return lines.reduce((sum, line) => sum + Number(line.split(',').at(-1)), 0);
}

function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

const results = {};
const local = sweep(writeDesign('local', grid(12, 80)), join(work, 'local'), ['--jobs', '2']);
results.localPointsPerSecond = local.done / local.seconds;
results.localPoints = local.done;

if (spawnSync('redis-server', ['--version']).status === 0) {
  const port = await freePort();
  const redis = spawn(
    'redis-server',
    ['--port', `${port}`, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await new Promise((done) => setTimeout(done, 500));
  const url = `redis://127.0.0.1:${port}/0`;
  /** Starts a worker and resolves once it serves the queue (start-up is not queue overhead). */
  const startWorker = () =>
    new Promise((done) => {
      const worker = spawn(process.execPath, [cli, 'worker', '--queue', url, '--jobs', '1'], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      worker.stderr.on('data', (chunk) => {
        if (chunk.toString().includes('serving')) done(worker);
      });
    });
  const startWorkers = async (count) => {
    const workers = await Promise.all(Array.from({ length: count }, startWorker));
    // Warm-up: each worker thread's first point pays module loading and JIT.
    sweep(
      writeDesign(`warm-${count}-${port}`, grid(2 * count, 60, 0.01)),
      join(work, `warm-${count}`),
      ['--queue', url],
    );
    return workers;
  };
  const run = (name, ncm, options) => {
    const out = join(work, name);
    const summary = sweep(writeDesign(name, ncm, options), out, ['--queue', url]);
    return { ...summary, simulation_s: simulationSeconds(out) };
  };
  const trivial = { carbons: ['carbon-spherical'], protocol: ['Rest for 1 second'] };
  let workers = await startWorkers(1);
  const small = run('trivial-40', grid(40, 70, 0.01), trivial);
  const large = run('trivial-160', grid(160, 71, 0.01), trivial);
  const unaccounted = (r) => r.seconds - r.simulation_s;
  results.queueOverheadPerPoint_ms =
    (1000 * (unaccounted(large) - unaccounted(small))) / (large.done - small.done);
  results.queueFixedCostPerSweep_s =
    unaccounted(small) - (small.done * results.queueOverheadPerPoint_ms) / 1000;
  results.trivialPointRun_ms = (1000 * large.simulation_s) / large.done;
  const one = run('one-worker', grid(8, 70));
  for (const worker of workers) worker.kill('SIGINT');
  workers = await startWorkers(2);
  const two = run('two-workers', grid(8, 72.5));
  for (const worker of workers) worker.kill('SIGINT');
  results.oneWorkerPointsPerSecond = one.done / one.seconds;
  results.twoWorkersPointsPerSecond = two.done / two.seconds;
  results.twoWorkerSpeedup = results.twoWorkersPointsPerSecond / results.oneWorkerPointsPerSecond;
  redis.kill('SIGTERM');
} else {
  results.queue = 'not measured: no redis-server on PATH';
}
rmSync(work, { recursive: true, force: true });
console.log(JSON.stringify(results, null, 2));
