import { describe, expect, it } from 'vitest';
import { EXIT_INVALID_INPUT } from '../cli/exitCodes.js';
import { runCaptured } from '../cli/runCli.fixtures.js';

describe('solidcell composition', () => {
  it('prints solid and electrode fractions as one JSON document', async () => {
    const { code, stdout, stderr } = await runCaptured([
      'composition',
      '--ncm',
      '90',
      '--se',
      '7',
      '--carbon',
      '3',
      '--carbon-type',
      'sc',
      '--porosity',
      '0.1',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    expect(result.solidVolumeFractions.se).toBeCloseTo(0.139, 3);
    expect(result.electrodeVolumeFractions.pore).toBe(0.1);
    expect(result.electrodeVolumeFractions.ncm).toBeCloseTo(
      0.9 * result.solidVolumeFractions.ncm,
      12,
    );
    expect(result.densities_kg_per_m3).toEqual({ ncm: 4760, se: 1860, carbon: 670, binder: 2200 });
  });

  it('uses the fibre density for --carbon-type cf', async () => {
    const { stdout } = await runCaptured([
      'composition',
      '--ncm',
      '90',
      '--se',
      '9',
      '--carbon',
      '1',
      '--carbon-type',
      'cf',
      '--json',
    ]);
    expect(JSON.parse(stdout).densities_kg_per_m3.carbon).toBe(2000);
  });

  it.each([
    [['composition', '--ncm', '90', '--se', '7', '--carbon', '4'], 'must sum to 100 wt%'],
    [
      ['composition', '--ncm', 'ninety', '--se', '7', '--carbon', '3'],
      '--ncm = "ninety" is not allowed',
    ],
    [
      ['composition', '--ncm', '90', '--se', '7', '--carbon', '3', '--carbon-type', 'cnt'],
      '--carbon-type = "cnt"',
    ],
    [['composition', '--ncm', '90', '--se', '7'], "required option '--carbon <wt%>' not specified"],
    [
      ['composition', '--ncm', '90', '--se', '7', '--carbon', '3', '--porosity', '1.5'],
      'porosity = 1.5',
    ],
    [
      ['composition', '--ncm', '90', '--se', '7', '--carbon', '3', '--bogus'],
      "unknown option '--bogus'",
    ],
  ])('exits 2 with one line on stderr and nothing on stdout for %j', async (args, text) => {
    const { code, stdout, stderr } = await runCaptured(args);
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(text);
  });
});
