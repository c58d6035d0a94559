// `solidcell sweep` end to end on the local engine (from the sources, so points run inline):
// results stored per point, a failed point recorded while the sweep goes on, a rerun that skips
// stored points, an interrupted sweep that resumes, and the fail-fast check of an unreachable Redis.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../cli/runCli.fixtures.js';
import { planDesign } from '../sweep/designPoints.js';
import { loadDesign } from '../sweep/loadDesign.js';
import { ResultStore, readResults } from '../sweep/resultStore.js';
import { runLocalSweep } from '../sweep/runLocalSweep.js';

const base = fileURLToPath(new URL('../../configs/ncm90_sc1.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'solidcell-sweep-'));
const designPath = join(dir, 'design.yaml');
// 500 °C is outside the cell configuration's temperature range: two points that cannot be built.
writeFileSync(
  designPath,
  `schemaVersion: 1
name: small
base: ${base}
axes:
  - path: massFractions_wtPct.ncm
    values: [85, 90]
  - path: temperature_C
    values: [25, 500]
experiments:
  rateCRates: [1]
`,
);
const silent = { write: () => true, isTTY: false };

describe('solidcell sweep (local engine)', () => {
  const out = join(dir, 'run');

  it('stores one row per point, records a failed point with its error, and resumes', async () => {
    const first = await runCaptured(['sweep', designPath, '--out', out, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ total: 4, done: 2, failed: 2, stored: 0 });
    const rows = await readResults(join(out, 'points.duckdb'));
    expect(rows).toHaveLength(4);
    const failed = rows.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.inputs.temperature_C)).toEqual([500, 500]);
    expect(failed[0]!.error).toMatch(/^temperature_C = 500 is not allowed: expected /);
    for (const row of rows.filter((r) => r.status === 'done')) {
      expect(row.metrics.dischargeCapacity_1C_mAh_per_g).toBeGreaterThan(0);
      expect(row.metrics.specificEnergy_Wh_per_kg).toBeGreaterThan(0);
      expect(row.metrics.retention_pct).toBeNull(); // no cycling in this design
    }
    const csv = readFileSync(join(out, 'points.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(5);

    const again = await runCaptured(['sweep', designPath, '--out', out, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ done: 0, failed: 0, stored: 4 });
    expect(await readResults(join(out, 'points.duckdb'))).toEqual(rows);
  });

  it('keeps the points finished before an interruption and computes only the rest on the rerun', async () => {
    const path = join(dir, 'interrupted', 'points.duckdb');
    const plan = planDesign(loadDesign(designPath));
    const controller = new AbortController();
    const store = await ResultStore.open(path);
    const append = store.append.bind(store);
    store.append = (rows) => {
      // Interrupt as the first computed point arrives (failed points are stored at once).
      if (rows.some((row) => row.status === 'done')) controller.abort(new Error('SIGINT'));
      return append(rows);
    };
    await expect(
      runLocalSweep(plan, store, { jobs: 1, progress: silent, signal: controller.signal }),
    ).rejects.toThrow(/interrupted|SIGINT/);
    await store.close();
    expect((await readResults(path)).map((row) => row.status)).toEqual([
      'done',
      'failed',
      'failed',
    ]);
    const resumed = await ResultStore.open(path);
    const counts = await runLocalSweep(plan, resumed, { jobs: 1, progress: silent });
    await resumed.close();
    expect(counts).toMatchObject({ stored: 3, done: 1, failed: 0 });
    const reference = await readResults(join(dir, 'run', 'points.duckdb'));
    const strip = (rows: typeof reference) => rows.map(({ seconds: _s, ...rest }) => rest);
    expect(strip(await readResults(path))).toEqual(strip(reference));
  });

  it('draws the maps of a stored sweep (sweep plot) as PNG, SVG and Vega-Lite', async () => {
    const { code, stdout } = await runCaptured(['sweep', 'plot', out, '--json']);
    expect(code).toBe(0);
    const { figures } = JSON.parse(stdout) as { figures: string[] };
    expect(figures).toEqual(['pareto-specificEnergy_Wh_per_kg-vs-dischargeCapacity_1C_mAh_per_g']);
    for (const id of figures) {
      for (const ext of ['png', 'svg', 'vl.json']) {
        expect(existsSync(join(out, 'figures', `${id}.${ext}`))).toBe(true);
      }
    }
    const missing = await runCaptured(['sweep', 'plot', join(dir, 'nothing')]);
    expect(missing.code).toBe(2);
  });

  it('validates a design without running it (--dry-run)', async () => {
    const { code, stdout } = await runCaptured(['sweep', designPath, '--dry-run', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ points: 4, name: 'small' });
  });
});

describe('solidcell sweep --queue / worker: bad or unreachable Redis', () => {
  it('fails within 5 s with one line naming the URL, its password redacted, exit 2', async () => {
    const started = performance.now();
    const url = 'redis://user:hunter2secret@127.0.0.1:1/0';
    const { code, stderr } = await runCaptured(['sweep', designPath, '--queue', url]);
    expect((performance.now() - started) / 1000).toBeLessThan(5);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1); // the start message follows the check
    expect(stderr).toContain('--queue = redis://user:***@127.0.0.1:1/0 is not allowed');
    expect(stderr).not.toContain('hunter2secret');
    const worker = await runCaptured(['worker', '--queue', url]);
    expect(worker.code).toBe(2);
    expect(worker.stderr).not.toContain('hunter2secret');
  });

  it.each([
    ['http://host:6379', /redis:\/\/ or rediss:\/\//],
    ['redis://:pw@host:6379/abc', /database number/],
    ['http://u:pw@host:6379', /redis:\/\/ or rediss:\/\//],
  ])('rejects --queue %s', async (url, message) => {
    const { code, stderr } = await runCaptured(['sweep', designPath, '--queue', url]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/:pw@/);
  });
});
