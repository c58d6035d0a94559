import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../cli/runCli.fixtures.js';
import { reportSchema } from '../reproduce/reportSchema.js';

const powder = ['ncm80_sc3', 'ncm85_sc3', 'ncm90_sc3', 'ncm90_sc0', 'ncm90_sc1', 'ncm90_sc2'];
const scSeries = ['ncm90_sc0', 'ncm90_sc1', 'ncm90_sc2', 'ncm90_sc3'];
const conductivitySeries = ['ncm80_sc3', 'ncm85_sc3', 'ncm90_sc3', 'dry_sc1', 'dry_cf1'];
const rates = ['0.05C', '0.1C', '0.2C', '0.5C', '1C', '2C'];

/** Every metric id the reproduction issue asks report.json to carry. */
const requiredMetricIds = [
  ...['ncm80_sc3', 'ncm85_sc3', 'ncm90_sc3'].flatMap((s) => [
    `composition.se_vol_pct.${s}`,
    `composition.carbon_vol_pct.${s}`,
  ]),
  ...conductivitySeries.flatMap((s) => [
    `conductivity.ionic_s_per_m.${s}`,
    `conductivity.electronic_s_per_m.${s}`,
  ]),
  ...powder.flatMap((s) =>
    ['charge_mah_g', 'discharge_mah_g', 'irreversible_mah_g', 'ce_pct'].map(
      (m) => `formation.${m}.${s}`,
    ),
  ),
  ...[...powder, 'dry_sc1', 'dry_cf1'].flatMap((s) =>
    rates.map((r) => `rate.discharge_mah_g.${s}.${r}`),
  ),
  ...scSeries.map((s) => `cycling.retention_pct.${s}`),
  ...scSeries.flatMap((s) => [
    `pulse.polarization_mv.below_3v2.${s}`,
    `pulse.polarization_mv.3v4_3v7.${s}`,
  ]),
  ...['sc', 'cf'].flatMap((c) => [`cv.peak_ma.${c}`, `cv.peak_ma_per_m2_carbon.${c}`]),
  ...['dry_sc1', 'dry_cf1'].flatMap((s) => [
    `longcycle.retention_pct.${s}`,
    `longcycle.final_ce_pct.${s}`,
  ]),
  'runtime.total_s',
];

const out = mkdtempSync(join(tmpdir(), 'solidcell-reproduce-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const reproduce = () =>
  runCaptured(['reproduce', '--quick', '--jobs', '2', '--out', out, '--json']);
const cacheEntries = () =>
  existsSync(join(out, 'cache'))
    ? readdirSync(join(out, 'cache')).filter((f) => f.endsWith('.json')).length
    : 0;

/** `solidcell reproduce --quick` from the sources in a child process, SIGINT once two experiments are cached. */
function interruptedReproduction(): Promise<{ code: number | null; stderr: string }> {
  const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
  const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));
  const args = ['--conditions=@solidcell/source', '--import', 'tsx', bin, 'reproduce', '--quick'];
  const child = spawn(process.execPath, [...args, '--out', out], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const poll = setInterval(() => {
    if (cacheEntries() >= 2) {
      clearInterval(poll);
      child.kill('SIGINT');
    }
  }, 100);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ code, stderr });
    });
  });
}

describe('solidcell reproduce --dry-run', () => {
  it('validates the options and lists every experiment without running any', async () => {
    const { code, stdout } = await runCaptured(['reproduce', '--dry-run', '--seed', '7', '--json']);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.settings.seed).toBe(7);
    expect(plan.stage1).toHaveLength(8);
    expect(plan.stage1[0]).toBe('microstructure ncm80_sc3');
    expect(plan.stage2).toContain('cycling dry_cf1_longcycle');
    expect(plan.stage2).toContain('cv sc');
  });

  it('rejects a seed outside 0 … 2³²−1', async () => {
    const { code, stderr } = await runCaptured(['reproduce', '--dry-run', '--seed', '-1']);
    expect(code).toBe(2);
    expect(stderr).toContain('--seed = "-1"');
  });
});

describe('solidcell reproduce --quick', () => {
  it('stops cleanly on SIGINT with exit 130, keeping the finished experiments', async () => {
    const { code, stderr } = await interruptedReproduction();
    expect(code, stderr).toBe(130);
    expect(stderr.trim().split('\n').at(-1)).toMatch(/^solidcell: error: interrupted by SIGINT/);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    expect(cacheEntries()).toBeGreaterThanOrEqual(2);
    expect(existsSync(join(out, 'report.json'))).toBe(false);
  }, 600_000);

  it('resumes: writes a report.json that validates and carries every required metric', async () => {
    const kept = cacheEntries();
    const { code, stdout, stderr } = await reproduce();
    expect(code, stderr).toBe(0);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain(`${kept} taken from the cache`);
    const report = reportSchema.parse(JSON.parse(stdout));
    const onDisk = reportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    expect(onDisk.metrics).toEqual(report.metrics);
    const missing = requiredMetricIds.filter((id) => report.metrics[id] === undefined);
    expect(missing).toEqual([]);
    expect(report.omittedMetrics).toEqual([]);
    // The model's trends, not the paper's numbers: SC raises the irreversible capacity.
    const irreversible = (s: string) => report.metrics[`formation.irreversible_mah_g.${s}`]!.value;
    expect(irreversible('ncm90_sc3')).toBeGreaterThan(irreversible('ncm90_sc0'));
    const ionic = (s: string) => report.metrics[`conductivity.ionic_s_per_m.${s}`]!.value;
    expect(ionic('ncm90_sc3')).toBeLessThan(ionic('ncm80_sc3'));
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('figures/');
  }, 600_000);

  it('resumes from the cache: a second run computes nothing and gives the same metrics', async () => {
    const before = reportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    const { code, stdout } = await reproduce();
    expect(code).toBe(0);
    const after = reportSchema.parse(JSON.parse(stdout));
    const { 'runtime.total_s': _before, ...modelBefore } = before.metrics;
    const { 'runtime.total_s': _after, ...modelAfter } = after.metrics;
    expect(modelAfter).toEqual(modelBefore);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/\b0 experiments computed/);
  }, 600_000);

  it('honours SIGINT in a rerun where everything is cached (exit 130, one line)', async () => {
    const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
    const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));
    const args = ['--conditions=@solidcell/source', '--import', 'tsx', bin, 'reproduce', '--quick'];
    const child = spawn(process.execPath, [...args, '--jobs', '2', '--out', out], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const first = stderr === '';
      stderr += chunk.toString();
      if (first) child.kill('SIGINT'); // the first message: the run has started
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, stderr).toBe(130);
    expect(
      stderr
        .trim()
        .split(/[\n\r]/)
        .at(-1),
    ).toMatch(/^solidcell: error: interrupted by SIGINT/);
  }, 600_000);

  it('is deterministic: a fresh run with the same seed gives byte-identical metrics', async () => {
    const first = reportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    const fresh = mkdtempSync(join(tmpdir(), 'solidcell-reproduce-again-'));
    try {
      const { code, stdout } = await runCaptured([
        'reproduce',
        '--quick',
        '--out',
        fresh,
        '--json',
      ]);
      expect(code).toBe(0);
      const second = reportSchema.parse(JSON.parse(stdout));
      expect(readFileSync(join(fresh, 'report.md'), 'utf8')).toMatch(/\b0 taken from the cache/);
      const { 'runtime.total_s': _first, ...modelFirst } = first.metrics;
      const { 'runtime.total_s': _second, ...modelSecond } = second.metrics;
      expect(JSON.stringify(modelSecond)).toBe(JSON.stringify(modelFirst));
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 600_000);
});
