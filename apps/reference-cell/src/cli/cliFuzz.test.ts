import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXIT_INTERNAL } from './exitCodes.js';
import { runCaptured } from './runCli.fixtures.js';

// Commands and flags the fuzzer mixes; values include malformed numbers, units and junk.
const commands = ['composition', 'reproduce', 'bogus', ''];
const flags = [
  '--ncm',
  '--se',
  '--carbon',
  '--binder',
  '--carbon-type',
  '--porosity',
  '--json',
  '--help',
  '--seed',
  '-x',
  '--',
];
const values = fc.oneof(
  fc.constantFrom(
    '90',
    '7',
    '3',
    '0',
    '-1',
    '1e309',
    'NaN',
    'Infinity',
    '',
    ' ',
    'sc',
    'cf',
    'cnt',
    '0.1',
    '1.5',
    '90%',
    '0x10',
    '1,5',
    '250µm',
  ),
  fc.string({ maxLength: 6 }),
  fc.double().map(String),
);
const argList = fc.tuple(
  fc.constantFrom(...commands),
  fc.array(fc.oneof(fc.constantFrom(...flags), values), { maxLength: 10 }),
);

describe('solidcell CLI under random arguments', () => {
  it('always ends with exit 0 or a clean one-line error, never a stack trace or an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(argList, async ([command, rest]) => {
        // `reproduce` is fuzzed with --dry-run: its options are validated, the study never starts.
        const prefix = command === 'reproduce' ? [command, '--dry-run'] : [command];
        const args = command === '' ? rest : [...prefix, ...rest];
        const { code, stdout, stderr } = await runCaptured(args);
        expect(code).not.toBe(EXIT_INTERNAL);
        expect(stderr).not.toMatch(/\n\s+at /);
        if (code !== 0) {
          expect(stderr.trim().split('\n')).toHaveLength(1);
          expect(stderr).toMatch(/^solidcell: error: /);
        }
        if (
          code === 0 &&
          args.includes('--json') &&
          !args.includes('--help') &&
          !args.includes('-h')
        ) {
          expect(() => JSON.parse(stdout)).not.toThrow();
        }
      }),
      { numRuns: 300, seed: 20261125 },
    );
  });
});
