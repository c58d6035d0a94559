import { describe, expect, it } from 'vitest';
import { runCaptured } from '../cli/runCli.fixtures.js';

describe('solidcell reproduce', () => {
  it('computes the volume fractions of all eight paper electrodes', async () => {
    const { code, stdout } = await runCaptured(['reproduce', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      electrodes: { id: string; solidVolumeFractions: { se: number } }[];
    };
    expect(result.electrodes.map((e) => e.id)).toEqual([
      'ncm80_sc3',
      'ncm85_sc3',
      'ncm90_sc3',
      'ncm90_sc0',
      'ncm90_sc1',
      'ncm90_sc2',
      'dry_sc1',
      'dry_cf1',
    ]);
    const se = Object.fromEntries(result.electrodes.map((e) => [e.id, e.solidVolumeFractions.se]));
    expect(se.ncm80_sc3).toBeCloseTo(0.3, 3);
    expect(se.ncm90_sc3).toBeCloseTo(0.139, 3);
  });
});
