import { describe, expect, it } from 'vitest';
import { EXIT_INVALID_INPUT } from '../cli/exitCodes.js';
import { runCaptured } from '../cli/runCli.fixtures.js';

const base = [
  'simulate',
  '--ncm',
  '90',
  '--se',
  '9',
  '--carbon',
  '1',
  '--carbon-type',
  'sc',
  '--loading-mah-cm2',
  '1',
];

describe('solidcell simulate', () => {
  it('runs formation and reports the cycle table, the C-rate basis and the settings', async () => {
    const { code, stdout } = await runCaptured([...base, '--protocol', 'formation', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const cycle = result.summary.cycles[0];
    expect(cycle.index).toBe(1);
    expect(cycle.chargeMahG).toBeGreaterThan(cycle.dischargeMahG);
    expect(cycle.irreversibleMahG).toBeCloseTo(cycle.chargeMahG - cycle.dischargeMahG, 9);
    expect(cycle.coulombicEfficiencyPct).toBeCloseTo(
      (100 * cycle.dischargeMahG) / cycle.chargeMahG,
      9,
    );
    expect(cycle.sideReactionMahG).toBeGreaterThan(0);
    // 1 mAh/cm² → 1C = 1 mA/cm².
    expect(result.settings.oneC_mA_per_cm2).toBeCloseTo(1, 9);
    expect(result.settings.plugins).toContain('argyrodite-oxidation');
  });

  it('passes no charge into side reactions with --side-reactions off', async () => {
    const { stdout } = await runCaptured([...base, '--side-reactions', 'off', '--json']);
    expect(JSON.parse(stdout).summary.cycles[0].sideReactionMahG).toBe(0);
  });

  it('runs readable --step strings', async () => {
    const { code, stdout } = await runCaptured([
      ...base,
      '--step',
      'Charge at 0.5C until 3.7 V',
      'Rest for 10 minutes',
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.settings.protocol).toEqual(['Charge at 0.5C until 3.7 V', 'Rest for 10 minutes']);
    expect(result.summary.cycles[0].chargeMahG).toBeGreaterThan(50);
  });

  it.each([
    [['--protocol', 'aging'], '--protocol = "aging"'],
    [['--side-reactions', 'maybe'], '--side-reactions = "maybe"'],
    [['--loading-mah-cm2', '600'], '--loading-mah-cm2 = "600"'],
    [['--step', 'Charge quickly'], 'Charge quickly'],
  ])('rejects %j with a one-line error', async (extra, text) => {
    const { code, stderr } = await runCaptured([...base, ...extra]);
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(text);
  });
  it('lists a charge held below its cut-off by side reactions and a discharge that cannot start', async () => {
    // 22.7 wt% carbon black: SE oxidation on its area carries the whole 0.05C charge, keeps the
    // voltage below 3.7 V and re-lithiates the NCM, so the discharge cannot start (issue 21 #12).
    const { code, stdout } = await runCaptured([
      'simulate',
      ...['--ncm', '14.5', '--se', '62.8', '--carbon', '22.7', '--porosity', '0.0065'],
      ...['--loading-mah-cm2', '6.45', '--temperature-c', '84.9', '--json'],
    ]);
    expect(code).toBe(0);
    const { stepsAtSafetyLimit, stepsNotRun } = JSON.parse(stdout).summary;
    expect(stepsAtSafetyLimit.map((s: { step: number }) => s.step)).toEqual([0]);
    expect(stepsAtSafetyLimit[0].endedBy).toMatch(
      /side reactions \(SE oxidation\) carried \d+ % of the step's charge and held the voltage at [\d.]+ V vs Li-In/,
    );
    expect(stepsNotRun.map((s: { step: number }) => s.step)).toEqual([1]);
    expect(stepsNotRun[0].endedBy).toContain('the NCM surface is fully lithiated');
  });
});
