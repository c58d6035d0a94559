// Fault class 2 of the reliability table (docs/guides/reliability.md): the memory guard of
// `solidcell microstructure` refuses before allocating (exit 5, one line naming the estimate, the
// limit and the largest --voxels), and its estimate matches the measured peak RSS of the real
// command within 25 % at two grid sizes.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isSolidCellError } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import {
  assertMicrostructureFitsMemory,
  estimateMicrostructurePeak_bytes,
  MEMORY_LIMIT_ENV,
  memoryLimit_bytes,
} from './memoryGuard.js';

const MiB = 1024 ** 2;
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));
/** Prints the process's peak resident set (KiB on Linux) as it exits. */
const peakRssHook = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nPEAK_RSS_KIB '+process.resourceUsage().maxRSS+'\\n'))`;

function runMicrostructure(
  voxels: number,
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@solidcell/source',
      '--import',
      'tsx',
      '--import',
      peakRssHook,
      bin,
      'microstructure',
      ...['--ncm', '90', '--se', '9', '--carbon', '1', '--voxels', String(voxels), '--jobs', '1'],
      '--json',
    ],
    { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('2 · memory guard of solidcell microstructure', () => {
  it('counts each worker thread: its copy of the grid and its solve', () => {
    const start = 100 * MiB;
    const one = estimateMicrostructurePeak_bytes(128, 1, start);
    expect(one).toBeGreaterThan(start + 128 ** 3 * 60);
    // From the TypeScript sources the study runs inline (workers need the build): jobs do not count.
    expect(estimateMicrostructurePeak_bytes(128, 4, start)).toBe(one);
  });

  it('refuses with E_RESOURCE_LIMIT naming the estimate, the limit and the largest --voxels that fits', () => {
    const start = 80 * MiB;
    const limit = 600 * MiB;
    try {
      assertMicrostructureFitsMemory(256, 1, limit, start);
      expect.unreachable('256³ fits in 600 MiB');
    } catch (error) {
      expect(isSolidCellError(error) && error.code).toBe('E_RESOURCE_LIMIT');
      const message = (error as Error).message;
      expect(message).toMatch(
        /^--voxels 256 with --jobs 1 needs about \d+ MiB, above the limit of 600 MiB/,
      );
      const largest = Number(/--voxels (\d+)$/.exec(message)?.[1]);
      expect(estimateMicrostructurePeak_bytes(largest, 1, start)).toBeLessThanOrEqual(limit);
      expect(estimateMicrostructurePeak_bytes(largest + 1, 1, start)).toBeGreaterThan(limit);
      expect(() => assertMicrostructureFitsMemory(largest, 1, limit, start)).not.toThrow();
    }
  });

  it(`${MEMORY_LIMIT_ENV} sets the limit in MiB; anything else is E_INVALID_INPUT naming it`, () => {
    expect(memoryLimit_bytes({ [MEMORY_LIMIT_ENV]: '512' })).toBe(512 * MiB);
    for (const bad of ['0', '-5', '1e3', 'lots', ''])
      expect(() => memoryLimit_bytes({ [MEMORY_LIMIT_ENV]: bad })).toThrow(MEMORY_LIMIT_ENV);
  });

  it('the real command: exit 5 with one line naming the estimate; peak RSS within 25 % of it at 48³ and 80³', async () => {
    // Both sizes at once (each child is single-threaded; RSS is per process).
    const measure = async (voxels: number) => {
      const refused = await runMicrostructure(voxels, { [MEMORY_LIMIT_ENV]: '1' });
      expect(refused.code).toBe(5);
      const line = refused.stderr.trim().split('\n')[0] ?? '';
      expect(line).toMatch(/^solidcell: error: --voxels \d+ with --jobs 1 needs about \d+ MiB/);
      const estimate_MiB = Number(/needs about (\d+) MiB/.exec(line)?.[1]);
      const run = await runMicrostructure(voxels, {});
      expect(run.code).toBe(0);
      const peak_MiB = Number(/PEAK_RSS_KIB (\d+)/.exec(run.stderr)?.[1]) / 1024;
      console.info(`${voxels}³: estimate ${estimate_MiB} MiB, peak RSS ${peak_MiB.toFixed(0)} MiB`);
      expect(Math.abs(estimate_MiB - peak_MiB) / peak_MiB).toBeLessThanOrEqual(0.25);
    };
    await Promise.all([48, 80].map(measure));
  }, 300_000);
});
