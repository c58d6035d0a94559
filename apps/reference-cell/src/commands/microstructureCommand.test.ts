import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PhaseLabel } from '@solidcell/core';
import { readRawLabels } from '@solidcell/microstructure/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../cli/runCli.fixtures.js';
import type { TauFactorHeader } from '../io/writeTauFactorVolume.js';

describe('solidcell microstructure --out', () => {
  const n = 16;
  let dir: string;
  let run: Awaited<ReturnType<typeof runCaptured>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'microstructure-'));
    run = await runCaptured([
      'microstructure',
      '--ncm',
      '90',
      '--se',
      '7',
      '--carbon',
      '3',
      '--voxels',
      String(n),
      '--out',
      dir,
    ]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const header = (path: string): TauFactorHeader =>
    JSON.parse(readFileSync(join(dir, `taufactor-${path}-x.json`), 'utf8'));

  it('exits 0 and names the TauFactor files', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('taufactor-{ionic,electronic}-x.raw/.json');
  });

  it.each(['ionic', 'electronic'])('writes the %s x volume with the contact-free solve', (path) => {
    const h = header(path);
    const result = JSON.parse(readFileSync(join(dir, 'microstructure.json'), 'utf8'));
    const labels = readFileSync(join(dir, h.rawFile));
    expect(h).toMatchObject({ path, fluxAxis: 'x', shape: [n, n, n], order: 'C' });
    expect(labels.length).toBe(n ** 3);
    expect(Math.max(...labels)).toBe(h.quantisation.levels);
    expect(Object.keys(h.cond)).toHaveLength(h.quantisation.levels);
    // TauFactor has no face resistances: the header holds the solve without grain boundaries
    // and contacts, which conducts at least as well as the study's solve with them.
    expect(h.solidcell.conductivity_S_per_m).toBeGreaterThanOrEqual(
      result.conductivitySPerM[path].x,
    );
  });

  it('exports the ionic path with the study’s SE conductivity, x first', () => {
    const h = header('ionic');
    // Only SE conducts ions. TauFactor's τ = Σ VF·cond / σ_eff uses each voxel's mixed
    // conductivity; the differential medium puts an SE voxel holding carbon at (1 − f)^1.5 σ_SE,
    // below its SE share (1 − f) σ_SE, so τ_TauFactor ≤ SolidCell's ε_SE σ_SE / σ_eff (equal without carbon).
    const { tortuosityFactor, tortuosityFactorTauFactorDefinition } = h.solidcell;
    const ratio = tortuosityFactorTauFactorDefinition! / tortuosityFactor!;
    expect(ratio).toBeLessThanOrEqual(1 + h.quantisation.maxRelativeError + 1e-9);
    expect(ratio).toBeGreaterThan(0.5);
    const grid = readRawLabels(join(dir, 'labels.json'));
    const labels = readFileSync(join(dir, h.rawFile));
    for (let z = 0; z < n; z++) {
      for (let y = 0; y < n; y++) {
        for (let x = 0; x < n; x++) {
          const index = x + n * (y + n * z);
          // SE as matrix around insulating carbon: σ = σ_SE (1 − f)^1.5 > 0 for every SE voxel
          // (a voxel full of carbon is labelled carbon).
          const conducts = grid.labels[index] === PhaseLabel.se;
          expect(labels[z + n * (y + n * x)]! > 0).toBe(conducts);
        }
      }
    }
  });
});

// The worker-thread path needs the built CLI (tests run the TypeScript sources inline); CI builds
// before it tests.
const BUILT_CLI = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

describe.skipIf(!existsSync(BUILT_CLI))('solidcell microstructure --jobs (built CLI)', () => {
  it('gives the same study on two worker threads as in one thread', () => {
    const study = (jobs: number) => {
      const args = ['microstructure', '--ncm', '90', '--se', '7', '--carbon', '3'];
      args.push('--voxels', '24', '--jobs', String(jobs), '--json');
      const { solver, ...rest } = JSON.parse(
        execFileSync(process.execPath, [BUILT_CLI, ...args], { encoding: 'utf8' }),
      );
      return { rest, iterations: solver.iterations, solves: solver.solves };
    };
    const inline = study(1);
    expect(inline.solves).toBe(6);
    expect(study(2)).toEqual(inline);
  });
});
