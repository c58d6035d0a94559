// The reliability fuzz test (issue 21): fast-check over command lines, protocol step strings,
// configuration files and library entry points. Every case must end with an exit code of the
// README's table (or a SolidCellError in the library), at most one stderr line, no NaN in any
// output and no run over its time budget. Bounded in count and in time (each property stops
// generating after its time limit), so the whole file adds well under a minute to CI.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandProtocol, parseStep, simulateExperiment, validateStep } from '@solidcell/cell';
import {
  createCell,
  createSolidCellContainer,
  fromCelsius,
  isSolidCellError,
} from '@solidcell/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './runCli.fixtures.js';

/** Exit codes of the README's table. */
const DOCUMENTED_EXIT_CODES = [0, 2, 3, 4, 5, 130];
/** Wall-clock budget of one case (generous: the machine may be shared). */
const CASE_BUDGET_MS = 20_000;
/** Budget of one property: it stops generating new cases after this. */
const PROPERTY_BUDGET_MS = 12_000;
const SEED = 20261202;

/** Runs `solidcell` in-process and checks the invariants every command line must keep. */
async function expectCleanRun(args: readonly string[]): Promise<number> {
  const started = performance.now();
  const { code, stdout, stderr } = await runCaptured(args);
  expect(performance.now() - started).toBeLessThan(CASE_BUDGET_MS);
  expect(DOCUMENTED_EXIT_CODES, `${args.join(' ')} → ${code}: ${stderr}`).toContain(code);
  expect(stderr.split('\n').filter((line) => line !== '').length).toBeLessThanOrEqual(1);
  if (code !== 0) expect(stderr).toMatch(/^solidcell: error: /);
  expect(stdout).not.toMatch(/\bNaN\b/);
  return code;
}

const number = fc.oneof(
  fc.constantFrom('0', '-1', '1e309', 'NaN', '0x5A', '0b1', '', ' ', '1,5', '1e-9', '+7', '.5'),
  fc.double({ noNaN: false }).map(String),
  fc.integer({ min: -10, max: 120 }).map(String),
);

/** Readable steps from the grammar's words with random numbers and units, plus junk. */
const stepText = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'Charge at',
        'Discharge at',
        'Rest',
        'Hold at',
        'Pulse charge at',
        'Sweep from',
      ),
      fc.oneof(fc.double(), fc.integer({ min: -5, max: 2000 })),
      fc.constantFrom('C', ' mA/cm2', ' A/m2', ' mA', ' V', ' mV', ''),
      fc.constantFrom(' until', ' for', ' or', ' then rest for', ' to', ' at', ''),
      fc.oneof(fc.double(), fc.integer({ min: -5, max: 1e6 })),
      fc.constantFrom(' V', ' hours', ' minutes', ' s', ' mAh/g', ' mV/s', ' C/50', ''),
    )
    .map((parts) => parts.join(' ').replace(/\s+/g, ' ')),
  fc.string({ maxLength: 40 }),
);

describe('reliability fuzz', () => {
  it('protocol step strings: a bounded step or E_INVALID_INPUT, never a TypeError', () => {
    fc.assert(
      fc.property(stepText, (text) => {
        try {
          const [expanded] = expandProtocol([text]);
          validateStep('step', expanded?.step ?? parseStep(text));
        } catch (error) {
          expect(isSolidCellError(error) && error.code === 'E_INVALID_INPUT', String(error)).toBe(
            true,
          );
          expect((error as Error).message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 3000, seed: SEED, interruptAfterTimeLimit: PROPERTY_BUDGET_MS },
    );
  });

  it('library entry points with arbitrary values throw SolidCellErrors only', () => {
    const entryPoints: ((value: unknown) => unknown)[] = [
      (v) => createCell(v as never),
      (v) => createSolidCellContainer(v as never),
      (v) => parseStep(v as never),
      (v) => fromCelsius(v as never),
      (v) => validateStep('step', v),
      (v) => expandProtocol(v as never),
      (v) => simulateExperiment(v as never, ['Rest for 1 s']),
      (v) => simulateExperiment(v as never, v as never, v as never),
    ];
    fc.assert(
      fc.property(fc.nat(entryPoints.length - 1), fc.anything(), (k, value) => {
        try {
          entryPoints[k]!(value);
        } catch (error) {
          expect(isSolidCellError(error), `entry ${k}: ${String(error)}`).toBe(true);
        }
      }),
      { numRuns: 1500, seed: SEED, interruptAfterTimeLimit: PROPERTY_BUDGET_MS },
    );
  });

  it('configuration files mutated at random: a documented exit code and one line', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'solidcell-fuzz-'));
    const base = JSON.parse(
      readFileSync(new URL('../../configs/ncm90_sc1.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    /** Dotted paths of every field of the paper config. */
    const paths: string[][] = [];
    const collect = (value: unknown, path: string[]) => {
      if (path.length > 0) paths.push(path);
      if (typeof value === 'object' && value !== null) {
        for (const [key, item] of Object.entries(value)) collect(item, [...path, key]);
      }
    };
    collect(base, []);
    const mutation = fc.tuple(
      fc.constantFrom(...paths),
      fc.oneof(
        fc.anything({ maxDepth: 3 }),
        fc.constant(undefined),
        fc.double().map((x) => x),
      ),
      fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
    );
    let index = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async ([path, value, extraKey]) => {
        const config = structuredClone(base);
        let parent = config as Record<string, unknown>;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
        const last = path.at(-1)!;
        if (value === undefined) delete parent[last];
        else parent[extraKey ?? last] = value;
        // Voxel descriptors generate a microstructure (seconds); the fuzz keeps to the estimate.
        const micro = config.microstructure as Record<string, unknown> | undefined;
        if (micro?.descriptors === 'voxel') micro.descriptors = 'estimated';
        const file = join(folder, `case-${index++}.json`);
        writeFileSync(file, JSON.stringify(config));
        await expectCleanRun(['simulate', '--config', file, '--step', 'Rest for 1 s', '--json']);
      }),
      { numRuns: 150, seed: SEED, interruptAfterTimeLimit: PROPERTY_BUDGET_MS },
    );
  });

  it('command lines of simulate, composition and cv with junk values', async () => {
    const flag = fc.constantFrom(
      '--ncm',
      '--se',
      '--carbon',
      '--porosity',
      '--temperature-c',
      '--loading-mah-cm2',
      '--side-reactions',
      '--carbon-type',
      '--out',
    );
    const args = fc.tuple(
      fc.constantFrom('simulate', 'composition'),
      fc.array(fc.tuple(flag, number), { maxLength: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(args, async ([command, pairs]) => {
        const cell = ['--ncm', '90', '--se', '7', '--carbon', '3'];
        const rest = pairs.flat().map((a) => (a === '--out' ? '--json' : a));
        const step = command === 'simulate' ? ['--step', 'Rest for 1 s'] : [];
        await expectCleanRun([command, ...cell, ...rest, ...step]);
      }),
      { numRuns: 150, seed: SEED, interruptAfterTimeLimit: PROPERTY_BUDGET_MS },
    );
  });
});
