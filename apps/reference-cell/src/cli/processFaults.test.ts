// Fault classes 5 and 7 of the reliability table (docs/guides/reliability.md), in child processes
// from the TypeScript sources: a reader that closes stdout early, and SIGINT/SIGTERM through the
// `pnpm solidcell` launcher (tooling/solidcell.mjs), which must end with 130 and stop the CLI.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bin, fromSources, runNode } from './childProcess.fixtures.js';

const launcher = fileURLToPath(new URL('../../../../tooling/solidcell.mjs', import.meta.url));

/** The last non-empty stderr line (the progress row is redrawn with carriage returns before it). */
const lastLine = (stderr: string) =>
  stderr
    .trim()
    .split(/[\n\r]/)
    .at(-1);

describe('5 · a closed stdout', () => {
  it('simulate … | head -1: no EPIPE stack, the exit code of the command', async () => {
    const run = await runNode(
      [
        ...fromSources,
        bin,
        'simulate',
        '--ncm',
        '90',
        '--se',
        '7',
        '--carbon',
        '3',
        '--step',
        'Rest for 1 minute',
      ],
      { closeStdout: true },
    );
    expect(run.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(run.code).toBe(0);
  }, 120_000);
});

describe('7 · signals through the launcher', () => {
  const longRun = [
    'simulate',
    '--ncm',
    '90',
    '--se',
    '7',
    '--carbon',
    '3',
    '--protocol',
    'cycling',
    '--cycles',
    '500',
  ];

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s to the launcher during a synchronous simulation → 130 and one line',
    async (signal) => {
      const run = await runNode([...fromSources, launcher, ...longRun], {
        signalWhen: [/Charge at/, signal],
      });
      expect(run.code).toBe(130);
      expect(lastLine(run.stderr)).toBe(`solidcell: error: interrupted by ${signal}`);
      expect(run.stdout).toBe('');
    },
    120_000,
  );

  it('passes the exit code of the CLI through', async () => {
    const run = await runNode([...fromSources, launcher, 'composition', '--ncm', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^solidcell: error: [^\n]+$/);
  }, 120_000);
});
