// Integration test of the distributed engine on a real Redis: two `solidcell worker`s, one
// SIGKILLed mid-point, a coordinator SIGKILLed mid-sweep and restarted; the database must equal
// the local run of the same sweep (same keys, same metrics). Redis comes from
// SOLIDCELL_TEST_REDIS_URL (a server this test may flush, as .ci/run starts), else from a
// redis-server this test starts itself; without either it is skipped — never under CI=true.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../../cli/runCli.fixtures.js';
import { type PointRecord, readResults } from '../resultStore.js';
import { checkJobVersion } from './sweepJob.js';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin.ts', import.meta.url));
const base = fileURLToPath(new URL('../../../configs/ncm90_sc1.json', import.meta.url));
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A Redis URL to test against, or why there is none. */
async function testRedis(): Promise<{ url?: string; reason?: string }> {
  const given = process.env.SOLIDCELL_TEST_REDIS_URL;
  if (given) return { url: given };
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    return { reason: 'no SOLIDCELL_TEST_REDIS_URL and no redis-server on PATH' };
  }
  const port = await freePort();
  const server = spawn(
    'redis-server',
    [
      '--port',
      `${port}`,
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
  children.push(server);
  const url = `redis://127.0.0.1:${port}/0`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null });
    client.on('error', () => {});
    const ok = await client.connect().then(
      () => true,
      () => false,
    );
    client.disconnect();
    if (ok) return { url };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { reason: 'the redis-server this test started did not answer' };
}

const redis = await testRedis();
if (redis.url === undefined) {
  if (process.env.CI === 'true') throw new Error(`CI needs Redis for this test: ${redis.reason}`);
  console.warn(`skipping the Redis integration test: ${redis.reason}`);
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** `solidcell …` from the sources in a child process; stderr is collected. */
function solidcell(args: string[]): ChildProcess & { stderrText: () => string } {
  const child = spawn(
    process.execPath,
    ['--conditions=@solidcell/source', '--import', 'tsx', bin, ...args],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  children.push(child);
  return Object.assign(child, { stderrText: () => stderr });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

async function until(condition: () => boolean, what: string, timeout_ms = 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeout_ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const comparable = (rows: readonly PointRecord[]) =>
  Object.fromEntries(rows.map((row) => [row.key, { status: row.status, metrics: row.metrics }]));

describe('checkJobVersion', () => {
  it('refuses a job enqueued by another SolidCell version, naming both', () => {
    const data = { solidcell: '9.9.9', task: {} as never };
    expect(() => checkJobVersion(data, '0.1.0')).toThrow(
      /enqueued by SolidCell 9\.9\.9 but this worker runs 0\.1\.0/,
    );
    expect(checkJobVersion({ ...data, solidcell: '0.1.0' }, '0.1.0')).toBe(data.task);
  });
});

describe.skipIf(redis.url === undefined)('sweep --queue on Redis with two workers', () => {
  it('loses nothing when a worker and the coordinator are SIGKILLed, and equals the local run', async () => {
    const url = redis.url!;
    const admin = new Redis(url);
    await admin.flushdb();
    admin.disconnect();
    const dir = mkdtempSync(join(tmpdir(), 'solidcell-queue-'));
    const design = join(dir, 'design.yaml');
    writeFileSync(
      design,
      `schemaVersion: 1\nname: queue\nbase: ${base}\naxes:\n  - path: massFractions_wtPct.ncm\n    values: [80, 85, 90]\n  - path: plugins.carbon.id\n    values: [carbon-spherical, carbon-fiber]\nexperiments:\n  rateCRates: [1]\n`,
    );
    const local = await runCaptured(['sweep', design, '--out', join(dir, 'local'), '--json']);
    expect(local.code).toBe(0);
    const reference = await readResults(join(dir, 'local', 'points.duckdb'));
    expect(reference).toHaveLength(6);

    const workerArgs = ['worker', '--queue', url, '--jobs', '1', '--lock-seconds', '2'];
    const victim = solidcell(workerArgs);
    const survivor = solidcell(workerArgs);
    // Both workers serve before the points are enqueued, so both get some.
    await until(
      () => [victim, survivor].every((w) => w.stderrText().includes('serving')),
      'both workers to serve the queue',
    );
    const database = join(dir, 'queue', 'points.duckdb');
    const sweepArgs = ['sweep', design, '--queue', url, '--out', join(dir, 'queue')];
    const firstCoordinator = solidcell(sweepArgs);
    await until(
      () => /point \w+ started/.test(victim.stderrText()),
      'the first worker to start a point',
    );
    victim.kill('SIGKILL');
    // The coordinator holds the database open: wait until the survivor has finished a point
    // (it starts a second one), then kill the coordinator, mid-sweep.
    await until(
      () => (survivor.stderrText().match(/point \w+ started/g) ?? []).length >= 3,
      'the second worker to finish two points',
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    firstCoordinator.kill('SIGKILL');
    await exited(firstCoordinator);
    const storedBeforeRestart = existsSync(database) ? (await readResults(database)).length : 0;

    const secondCoordinator = solidcell([...sweepArgs, '--json']);
    let summary = '';
    secondCoordinator.stdout!.on('data', (chunk: Buffer) => {
      summary += chunk.toString();
    });
    expect(await exited(secondCoordinator)).toBe(0);
    // The restarted coordinator skips what its predecessor stored and computes only the rest.
    expect(storedBeforeRestart).toBeGreaterThan(0);
    expect(JSON.parse(summary)).toMatchObject({ total: 6, stored: storedBeforeRestart });
    const { done, failed } = JSON.parse(summary) as { done: number; failed: number };
    expect(done + failed).toBe(6 - storedBeforeRestart);
    const killedKey = /point (\w+) started/.exec(victim.stderrText())![1]!;
    const rows = await readResults(database);
    expect(rows.map((row) => row.key).some((key) => key.startsWith(killedKey))).toBe(true);
    expect(comparable(rows)).toEqual(comparable(reference));

    survivor.kill('SIGINT');
    expect(await exited(survivor)).toBe(130);
  }, 180_000);
});
