// `solidcell sweep` interrupted by SIGINT in a child process (points run inline from the sources):
// exit 130 with one line, every point the progress reported finished is in the database, and the
// rerun computes only the rest, ending with the same rows as an uninterrupted run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bin, fromSources, runNode } from '../cli/childProcess.fixtures.js';
import { readResults } from '../sweep/resultStore.js';

const base = fileURLToPath(new URL('../../configs/ncm90_sc1.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'solidcell-sweep-sigint-'));
const designPath = join(dir, 'design.yaml');
writeFileSync(
  designPath,
  `schemaVersion: 1
name: sigint
base: ${base}
axes:
  - path: massFractions_wtPct.ncm
    values: [80, 82, 84, 86, 88, 90]
experiments:
  rateCRates: [1]
`,
);
const sweep = (out: string) => [...fromSources, bin, 'sweep', designPath, '--out', out];

describe('solidcell sweep interrupted by SIGINT', () => {
  it('exits 130, keeps every point reported finished, and the rerun resumes', async () => {
    const out = join(dir, 'interrupted');
    // The first progress line is drawn as the first point is stored.
    const run = await runNode([...sweep(out), '--jobs', '1'], {
      signalWhen: [/sweep: 1\/6 points/, 'SIGINT'],
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/interrupted by SIGINT/);
    const finalLine = [...run.stderr.matchAll(/sweep: (\d+)\/6 points/g)].at(-1)!;
    const reported = Number(finalLine[1]);
    const rows = await readResults(join(out, 'points.duckdb'));
    expect(reported).toBeGreaterThanOrEqual(1);
    expect(reported).toBeLessThan(6);
    expect(rows).toHaveLength(reported);
    expect(rows.every((row) => row.status === 'done')).toBe(true);

    const rerun = await runNode([...sweep(out), '--jobs', '1', '--json']);
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ stored: reported, done: 6 - reported });
    const resumed = await readResults(join(out, 'points.duckdb'));
    expect(resumed.map((row) => row.key)).toEqual(
      expect.arrayContaining(rows.map((row) => row.key)),
    );
    expect(new Set(resumed.map((row) => row.index))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
  }, 180_000);
});
