// Docs sample (Playground): the formation curve the playground draws — one 0.05C formation cycle
// (3.7 → 2.5 V vs Li-In) of the playground's electrode, composed from the first-party plugins and
// run on a coarse mesh so that it takes about a second. Browser-safe (runs in the Web Worker).
import { argyroditeOxidationPlugin } from '@solidcell/argyrodite-oxidation';
import { carbonFiberPlugin } from '@solidcell/carbon-fiber';
import { carbonSphericalPlugin } from '@solidcell/carbon-spherical';
import { cellPhysicsFromComponents, simulateExperiment } from '@solidcell/cell';
import { createCell, describeComposition, parseCompositionInput } from '@solidcell/core';
import { materialsPlugin } from '@solidcell/materials';
import { ncmChargeTransferPlugin } from '@solidcell/ncm-charge-transfer';
import { effectiveMediumTransportPlugin } from '@solidcell/transport';
import type { PlaygroundInput } from './playground.js';

/** One branch of the formation curve: voltage against the capacity passed in that step. */
export interface FormationBranch {
  readonly capacity_mAh_per_g: number[];
  readonly voltageVsLiIn_V: number[];
}

/** What the playground's formation chart shows. */
export interface FormationCurve {
  readonly charge_mAh_per_g: number;
  readonly discharge_mAh_per_g: number;
  readonly charge: FormationBranch;
  readonly discharge: FormationBranch;
}

/** Simulates the formation cycle of a playground electrode; about `maxPoints` points per branch. */
export function formationCurve(input: PlaygroundInput, maxPoints = 120): FormationCurve {
  const composition = parseCompositionInput({
    massFractions_wtPct: {
      ncm: input.ncm_wtPct,
      se: input.se_wtPct,
      carbon: input.carbon_wtPct,
    },
    carbonShape: input.carbonShape,
    porosity: input.porosity,
  });
  const carbon = input.carbonShape === 'spherical' ? carbonSphericalPlugin : carbonFiberPlugin;
  const cell = createCell([
    materialsPlugin,
    ncmChargeTransferPlugin,
    carbon,
    effectiveMediumTransportPlugin,
    argyroditeOxidationPlugin,
  ]);
  const result = simulateExperiment(
    {
      physics: cellPhysicsFromComponents(cell),
      electrode: {
        volumeFractions: describeComposition(composition).electrodeVolumeFractions,
        // 1 mg/cm² = 0.01 kg/m².
        ncmArealMass_kg_per_m2: input.ncmLoading_mg_per_cm2 * 0.01,
      },
      mesh: { electrodeNodes: 10, particleShells: 10 },
      solver: { relativeTolerance: 3e-4 },
    },
    ['Charge at 0.05C until 3.7 V', 'Discharge at 0.05C until 2.5 V'],
  );
  const ts = result.timeSeries;
  const mass_g_per_m2 = result.cell.ncmArealMass_kg_per_m2 * 1000;
  const branch = (step: number): FormationBranch => {
    const indices = ts.stepIndex.flatMap((s, i) => (s === step ? [i] : []));
    const stride = Math.max(1, Math.ceil(indices.length / maxPoints));
    const kept = indices.filter((_, k) => k % stride === 0 || k === indices.length - 1);
    const start = ts.charge_C_per_m2[indices[0] ?? 0] ?? 0;
    return {
      // C/m² ÷ g/m² = C/g; ÷ 3.6 → mAh/g.
      capacity_mAh_per_g: kept.map(
        (i) => Math.abs(ts.charge_C_per_m2[i]! - start) / mass_g_per_m2 / 3.6,
      ),
      voltageVsLiIn_V: kept.map((i) => ts.voltageVsLiIn_V[i]!),
    };
  };
  const cycle = result.cycles[0];
  return {
    charge_mAh_per_g: cycle?.chargeCapacity_mAh_per_g ?? 0,
    discharge_mAh_per_g: cycle?.dischargeCapacity_mAh_per_g ?? 0,
    charge: branch(0),
    discharge: branch(1),
  };
}
