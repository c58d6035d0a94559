import { describe, expect, it } from 'vitest';
import { runCaptured } from '../cli/runCli.fixtures.js';

async function cv(type: string) {
  const { code, stdout } = await runCaptured([
    'cv',
    '--carbon-type',
    type,
    '--carbon-mass-mg',
    '1',
    '--scan-mv-s',
    '0.1',
    '--from',
    '2.0',
    '--to',
    '4.0',
    '--json',
  ]);
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

describe('solidcell cv', () => {
  it('gives the peak current, its value per carbon area and the curve', async () => {
    const sc = await cv('sc');
    expect(sc.peakCurrentMa).toBeGreaterThan(0);
    expect(sc.peakCurrentMaPerM2Carbon).toBeCloseTo(sc.peakCurrentMa / sc.carbonAreaM2, 9);
    expect(sc.curve.potentialVsLiIn_V.length).toBe(sc.curve.currentMa.length);
    expect(Math.max(...sc.curve.currentMa)).toBeCloseTo(sc.peakCurrentMa, 9);
  });

  it('scales the carbon area with the BET areas of SC and CF at identical mass', async () => {
    const [sc, cf] = [await cv('sc'), await cv('cf')];
    expect(sc.carbonAreaM2 / cf.carbonAreaM2).toBeCloseTo(62 / 13, 6);
    expect(sc.peakCurrentMa).toBeGreaterThan(cf.peakCurrentMa);
  });

  it('rejects an upper vertex below the lower one', async () => {
    const { code, stderr } = await runCaptured(['cv', '--from', '3', '--to', '2.5']);
    expect(code).toBe(2);
    expect(stderr).toContain('--to = "2.5"');
  });
});
