// Runs every documentation sample and checks what the pages say about it.
import { isSolidCellError } from '@solidcell/core';
import { DEFAULT_EFFECTIVE_MEDIUM_PARAMETERS } from '@solidcell/transport';
import { describe, expect, it, vi } from 'vitest';
import { composeHalide } from './composeHalide.js';
import { paperSeVolumePercent } from './compositionCheck.js';
import { designSweep } from './designSweep.js';
import { effectiveConductivities } from './effectiveConductivity.js';
import { firstCell } from './gettingStarted.js';
import { PERCOLATION_LAW_SC, percolationIonicConductivity_S_per_m } from './percolationEstimate.js';
import { evaluatePlayground, type PlaygroundInput } from './playground.js';
import { formationCurve } from './playgroundFormation.js';

describe('docs samples', () => {
  it('getting started: 90/7/3 at ε = 0.1 has 12.5 vol% SE and 10 vol% pores', () => {
    const cell = firstCell();
    expect(cell.seElectrodeFraction).toBeCloseTo(0.9 * 0.1386, 3);
    expect(cell.poreFraction).toBe(0.1);
    // Half of the practical window lies on the OCP plateau of NCM811, 2.9–3.7 V vs Li-In.
    expect(cell.halfChargeOcpVsLiIn_V).toBeGreaterThan(2.9);
    expect(cell.halfChargeOcpVsLiIn_V).toBeLessThan(3.7);
  });

  it('getting started: one 0.05C formation cycle prints charge > discharge, both 100–250 mAh/g', async () => {
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      printed.push(String(line));
    });
    try {
      await import('./formationCycle.js'); // a script: it simulates and prints on import
    } finally {
      log.mockRestore();
    }
    const mAhPerG = (label: string) => {
      const line = printed.find((text) => text.startsWith(`${label} `));
      return Number(line?.match(/^\w+ ([\d.]+) mAh\/g$/)?.[1]);
    };
    const charge = mAhPerG('charge');
    const discharge = mAhPerG('discharge');
    expect(charge).toBeGreaterThan(100);
    expect(charge).toBeLessThan(250);
    expect(discharge).toBeGreaterThan(100);
    expect(discharge).toBeLessThan(250);
    // The first cycle is irreversible (side reactions, kinetic loss): discharge < charge.
    expect(discharge).toBeLessThan(charge);
  }, 60_000);

  it('composition check: 30.0 and 13.9 vol% SE (rounded to 0.1)', () => {
    const { ncm80, ncm90 } = paperSeVolumePercent();
    expect(ncm80.toFixed(1)).toBe('30.0');
    expect(ncm90.toFixed(1)).toBe('13.9');
  });

  it('halide plugin: composes next to NCM811 and takes 23.0 vol% at 80/17/3 wt%', () => {
    const result = composeHalide();
    expect(result.materialIds).toContain('li3incl6');
    expect(result.materialIds.length).toBeGreaterThanOrEqual(2);
    expect(result.seVolumePercent).toBeCloseTo(23.03, 1);
    expect(result.ionicConductivity60C_S_per_m / 0.15).toBeCloseTo(4.2, 1);
  });

  it('design sweep: 32 points whose solid volume fractions sum to 100 %', () => {
    const points = designSweep();
    expect(points).toHaveLength(32);
    for (const p of points) {
      expect(p.ncm_volPct + p.se_volPct + p.carbon_volPct).toBeCloseTo(100, 9);
    }
    // Same wt%: light carbon black (670 kg/m³) takes more volume than fibre (2000 kg/m³).
    const sc = points.find((p) => p.carbonShape === 'spherical' && p.carbon_wtPct === 3)!;
    const cf = points.find(
      (p) => p.carbonShape === 'fiber' && p.carbon_wtPct === 3 && p.ncm_wtPct === sc.ncm_wtPct,
    )!;
    expect(sc.carbon_volPct).toBeGreaterThan(2.5 * cf.carbon_volPct);
  });

  it('percolation law: σ_SE at φ = 1, floor at and below φ_c, t = 2 in between', () => {
    expect(percolationIonicConductivity_S_per_m(1, 0)).toBeCloseTo(0.2, 12);
    expect(percolationIonicConductivity_S_per_m(0.07, 0)).toBeCloseTo(2e-5, 15);
    expect(percolationIonicConductivity_S_per_m(0.535, 0)).toBeCloseTo(0.2 * 0.25, 12);
  });

  it('effective transport: the composed effective-medium Transport equals the closed form', () => {
    const fractions = { ncm: 0.5, se: 0.3, carbon: 0.1, binder: 0, pore: 0.1 };
    // The plugin's defaults are the law fitted to the voxel solves, not the literature law.
    const pluginLaw = {
      ...PERCOLATION_LAW_SC,
      exponent: DEFAULT_EFFECTIVE_MEDIUM_PARAMETERS.ionicExponent,
      threshold: DEFAULT_EFFECTIVE_MEDIUM_PARAMETERS.ionicThreshold,
    };
    const sc = effectiveConductivities(fractions, 'spherical');
    expect(sc.ionic_S_per_m).toBeCloseTo(
      percolationIonicConductivity_S_per_m(0.3, 0.1, pluginLaw),
      12,
    );
    const cf = effectiveConductivities(fractions, 'fiber');
    const closedFormCf = percolationIonicConductivity_S_per_m(0.3, 0.1, {
      ...pluginLaw,
      carbonBlocking: 0.05,
    });
    expect(cf.ionic_S_per_m).toBeCloseTo(closedFormCf, 12);
    // Fibre blocks less of the SE and percolates at a lower volume: both conductivities higher.
    expect(cf.ionic_S_per_m).toBeGreaterThan(sc.ionic_S_per_m);
    expect(cf.electronic_S_per_m).toBeGreaterThan(sc.electronic_S_per_m);
  });

  it('effective transport: carbon raises the electronic conductivity of a 90 wt% NCM electrode', () => {
    const noCarbon = { ncm: 0.7, se: 0.2, carbon: 0, binder: 0, pore: 0.1 };
    const withCarbon = { ncm: 0.63, se: 0.12, carbon: 0.15, binder: 0, pore: 0.1 };
    expect(effectiveConductivities(withCarbon, 'spherical').electronic_S_per_m).toBeGreaterThan(
      100 * effectiveConductivities(noCarbon, 'spherical').electronic_S_per_m,
    );
  });

  const base: PlaygroundInput = {
    ncm_wtPct: 80,
    se_wtPct: 17,
    carbon_wtPct: 3,
    carbonShape: 'spherical',
    porosity: 0.1,
    ncmLoading_mg_per_cm2: 30,
  };

  it('playground: volume percentages sum to 100 and 30 mg/cm² at 90/7/3 is ≈ 100 µm thick', () => {
    const r = evaluatePlayground({ ...base, ncm_wtPct: 90, se_wtPct: 7 });
    const v = r.volumePercent;
    expect(v.ncm + v.se + v.carbon + v.pore).toBeCloseTo(100, 9);
    // parameters.md §9: L = 0.030 / (4.76 × 0.696 × 0.9) cm ≈ 100 µm.
    expect(r.thickness_um).toBeGreaterThan(98);
    expect(r.thickness_um).toBeLessThan(103);
    expect(r.arealCapacity_mAh_per_cm2).toBeCloseTo(6, 12);
  });

  it('playground: more NCM (less SE) lowers the estimated ionic conductivity', () => {
    const at80 = evaluatePlayground(base).ionicConductivity_mS_per_cm;
    const at90 = evaluatePlayground({ ...base, ncm_wtPct: 90, se_wtPct: 7 });
    expect(at90.ionicConductivity_mS_per_cm).toBeLessThan(at80 / 3);
  });

  it('playground: the formation curve charges to 3.7 V and discharges to 2.5 V, less than it charged', () => {
    const curve = formationCurve(base);
    expect(curve.charge_mAh_per_g).toBeGreaterThan(100);
    expect(curve.charge_mAh_per_g).toBeLessThan(250);
    expect(curve.discharge_mAh_per_g).toBeLessThan(curve.charge_mAh_per_g);
    expect(curve.charge.voltageVsLiIn_V.at(-1)).toBeCloseTo(3.7, 2);
    expect(curve.discharge.voltageVsLiIn_V.at(-1)).toBeCloseTo(2.5, 2);
    expect(curve.discharge.capacity_mAh_per_g.at(-1)).toBeCloseTo(curve.discharge_mAh_per_g, 6);
    // 90/7/3: less SE, a poorer ionic network and more carbon per NCM — the discharge is lower.
    const lean = formationCurve({ ...base, ncm_wtPct: 90, se_wtPct: 7 });
    expect(lean.discharge_mAh_per_g).toBeLessThan(curve.discharge_mAh_per_g);
  });

  it('playground: rejects a composition that does not sum to 100 wt%', () => {
    try {
      evaluatePlayground({ ...base, se_wtPct: 20 });
      expect.unreachable();
    } catch (error) {
      expect(isSolidCellError(error) && error.code).toBe('E_COMPOSITION_SUM');
    }
  });
});
