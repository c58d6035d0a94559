// Fault classes 1, 3, 9 and 10 of the reliability table (docs/guides/reliability.md): bad output
// paths, hostile config files, non-decimal numbers and a bare `solidcell`, each a one-line error
// with the exit code of the README's table, raised before any computing.
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSystemFailure } from '../io/prepareOutputFolder.js';
import { writeFileSet } from '../io/writeFileSet.js';
import { EXIT_INVALID_INPUT, EXIT_RESOURCE } from './exitCodes.js';
import { describeFailure } from './reportFailure.js';
import { runCaptured } from './runCli.fixtures.js';

const CELL = ['--ncm', '90', '--se', '7', '--carbon', '3', '--protocol', 'rate'];

function expectOneLineError(result: { code: number; stderr: string }, code: number, text: RegExp) {
  expect(result.code).toBe(code);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^solidcell: error: /);
  expect(lines[0]).toMatch(text);
}

describe('1 · output paths are probed before computing', () => {
  const folder = mkdtempSync(join(tmpdir(), 'solidcell-out-'));
  const file = join(folder, 'a-file');
  writeFileSync(file, 'x');

  it.each([
    ['simulate', ['simulate', ...CELL, '--out', file]],
    ['simulate (below a file)', ['simulate', ...CELL, '--out', join(file, 'sub')]],
    ['reproduce', ['reproduce', '--quick', '--out', file]],
  ])('%s --out <an existing file> → exit 2 naming --out', async (_name, args) => {
    expectOneLineError(
      await runCaptured(args),
      EXIT_INVALID_INPUT,
      /--out = ".*a-file.*" is not allowed: expected a folder path/,
    );
  });

  it('--out "" is refused instead of writing into the current folder', async () => {
    expectOneLineError(
      await runCaptured(['simulate', ...CELL, '--out', '']),
      EXIT_INVALID_INPUT,
      /--out = "" is not allowed/,
    );
  });

  it.runIf(process.platform === 'linux')(
    '--out /proc/foo ends at once (Node’s recursive mkdir spins there)',
    async () => {
      expectOneLineError(
        await runCaptured(['reproduce', '--quick', '--out', '/proc/solidcell-test/out']),
        EXIT_INVALID_INPUT,
        /--out = "\/proc\/solidcell-test\/out" is not allowed/,
      );
    },
  );

  it.runIf(process.getuid?.() !== 0)('a read-only folder → exit 2', async () => {
    const readOnly = join(folder, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    expectOneLineError(
      await runCaptured(['simulate', ...CELL, '--out', readOnly]),
      EXIT_INVALID_INPUT,
      /a folder this user may write to \(EACCES\)/,
    );
  });

  it.runIf(process.platform === 'linux')(
    'a full disk (ENOSPC on /dev/full) is a resource error, exit 5',
    () => {
      let thrown: unknown;
      try {
        writeFileSync('/dev/full', 'x');
      } catch (error) {
        thrown = error;
      }
      const failure = describeFailure(thrown);
      expect(failure.exitCode).toBe(EXIT_RESOURCE);
      expect(failure.line).toMatch(
        /^solidcell: error: cannot write .*: no space left on the device \(ENOSPC\)$/,
      );
    },
  );

  it('a failed write of a set leaves the previous complete set and no temporary files', () => {
    const out = mkdtempSync(join(tmpdir(), 'solidcell-set-'));
    writeFileSet(out, { 'a.csv': 'old a', 'b.csv': 'old b' });
    expect(() => writeFileSet(out, { 'a.csv': 'new a', 'missing/b.csv': 'new b' })).toThrow();
    expect(readdirSync(out).sort()).toEqual(['a.csv', 'b.csv']);
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('old a');
    writeFileSet(out, { 'a.csv': 'new a', 'b.csv': 'new b' });
    expect(readFileSync(join(out, 'b.csv'), 'utf8')).toBe('new b');
  });

  it('names errnos of path problems as input errors and leaves other errors alone', () => {
    const error = Object.assign(new Error('EROFS'), { code: 'EROFS', path: '/ro/x' });
    expect(fileSystemFailure(error)?.code).toBe('E_INVALID_INPUT');
    expect(fileSystemFailure(new Error('plain'))).toBeUndefined();
  });
});

describe('3 · config files are bounded', () => {
  const folder = mkdtempSync(join(tmpdir(), 'solidcell-config-'));
  const paperConfig = readFileSync(new URL('../../configs/dry_cf1.json', import.meta.url), 'utf8');
  /** The paper's dry CF config with `field` replaced by raw JSON text `value`. */
  const configWith = (
    name: string,
    edit: (config: Record<string, unknown>) => void,
    raw?: [string, string],
  ) => {
    const config = JSON.parse(paperConfig) as Record<string, unknown>;
    edit(config);
    let text = JSON.stringify(config);
    if (raw) text = text.replace(raw[0], raw[1]);
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  };

  it.runIf(process.platform === 'linux').each(['/dev/zero', '/dev/urandom', '/tmp'])(
    '--config %s is refused as not a regular file',
    async (path) => {
      expectOneLineError(
        await runCaptured(['simulate', '--config', path]),
        EXIT_INVALID_INPUT,
        /expected a regular JSON file/,
      );
    },
  );

  it('a file over the size limit is refused without parsing', async () => {
    const big = join(folder, 'big.json');
    writeFileSync(big, `{"id":"${'x'.repeat(2 * 1024 * 1024)}"}`);
    expectOneLineError(
      await runCaptured(['simulate', '--config', big]),
      EXIT_INVALID_INPUT,
      /at most 1048576 bytes/,
    );
  });

  it('a huge string value gives a short error line', async () => {
    const long = configWith('long.json', (config) => {
      config.protocol = 'x'.repeat(900_000);
    });
    const result = await runCaptured(['simulate', '--config', long]);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr.length).toBeLessThan(600);
  });

  it('5000-deep nesting gives a short error line, not a stack overflow', async () => {
    const deep = configWith(
      'deep.json',
      (config) => {
        config.porosity = 'DEEP';
      },
      ['"DEEP"', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`],
    );
    const result = await runCaptured(['simulate', '--config', deep]);
    expect(result.code).toBe(EXIT_INVALID_INPUT);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.length).toBeLessThan(600);
  });
});

describe('9 · numbers are decimal', () => {
  it.each([
    ['--ncm', '0x5A'],
    ['--ncm', '0b1011010'],
    ['--ncm', '0o132'],
  ])('composition %s %s → exit 2', async (flag, value) => {
    const args = ['composition', '--ncm', '90', '--se', '7', '--carbon', '3', flag, value];
    expectOneLineError(await runCaptured(args), EXIT_INVALID_INPUT, /a finite decimal number/);
  });

  it('reproduce --seed 0x10 → exit 2', async () => {
    expectOneLineError(
      await runCaptured(['reproduce', '--dry-run', '--seed', '0x10']),
      EXIT_INVALID_INPUT,
      /--seed = "0x10"/,
    );
  });

  it('still reads decimals with exponents and signs', async () => {
    const { code } = await runCaptured([
      'composition',
      '--ncm',
      '9e1',
      '--se',
      '+7.0',
      '--carbon',
      '3',
      '--json',
    ]);
    expect(code).toBe(0);
  });
});

describe('10 · a bare solidcell', () => {
  it('prints the help on stdout and one error line, exit 2', async () => {
    const { code, stdout, stderr } = await runCaptured([]);
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(stdout).toMatch(/Usage: solidcell/);
    expect(stderr.trim()).toMatch(
      /^solidcell: error: a command is required \(one of composition, /,
    );
  });
});

describe('6 · protocol steps are validated like flags', () => {
  it.each([
    'Charge at 1000C until 3.7 V',
    'Charge at 0C until 3.7 V',
    'Rest for 1e12 hours',
    'Hold at 100 V for 1 minute',
    'Hold at -5 V for 1 minute',
  ])('simulate --step "%s" → exit 2 before solving', async (step) => {
    const args = ['simulate', '--ncm', '90', '--se', '7', '--carbon', '3', '--step', step];
    expectOneLineError(
      await runCaptured(args),
      EXIT_INVALID_INPUT,
      /^solidcell: error: protocol\[0\]\.\S+ = \S+ is not allowed: expected/,
    );
  });
});

describe('12 · formation runs the electrode cannot carry', () => {
  it('--porosity 0.89 names the network, its conductivity and the ohmic drop (exit 4)', async () => {
    const args = ['simulate', '--ncm', '90', '--se', '7', '--carbon', '3', '--porosity', '0.89'];
    const { code, stderr } = await runCaptured(args);
    expect(code).toBe(4);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^solidcell: error: the electrode cannot carry 1\.50 A\/m² \(0\.050C\): its electronic \(carbon and NCM\) network, σ_eff = \S+ S\/m over 411 µm, would need an ohmic drop of \S+ V/,
    );
  });
});
