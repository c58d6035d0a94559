// Benchmarks of the cell engine (run: pnpm --filter @solidcell/cell bench). Uses the test
// fixtures (parameters.md §7 OCP/kinetics, Bruggeman transport) on the default mesh. Prints one
// line per case and writes bench/results.json for the root `pnpm bench` table.
import { writeFileSync } from 'node:fs';
import { simulateExperiment } from '../src/simulate/simulateExperiment.js';
import {
  FIXTURE_FRACTIONS,
  fixtureConfig,
  fixturePhysics,
  fixtureSideReaction,
  X_CHARGED,
} from '../src/testing/cell.fixtures.js';

const defaultMesh = { electrodeNodes: 20, separatorNodes: 4, particleShells: 15 };

interface BenchRow {
  readonly id: string;
  readonly label: string;
  readonly runs: number;
  readonly seconds: { readonly median: number; readonly min: number; readonly max: number };
  readonly details: string;
}
const rows: BenchRow[] = [];

function time(
  id: string,
  label: string,
  runs: number,
  fn: () => { steps: number; extra?: string },
): void {
  for (let k = 0; k < Math.min(5, runs); k++) fn(); // warm-up (JIT)
  const samples: number[] = [];
  let info = { steps: 0, extra: '' as string | undefined };
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    info = fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  rows.push({
    id,
    label,
    runs,
    seconds: { median: median / 1000, min: samples[0]! / 1000, max: samples.at(-1)! / 1000 },
    details: `${info.steps} steps${info.extra ? `, ${info.extra}` : ''}`,
  });
  console.log(
    `${label.padEnd(48)} median ${median.toFixed(1).padStart(8)} ms  min ${samples[0]!.toFixed(1).padStart(8)} ms  (${runs} runs, ${info.steps} steps${info.extra ? `, ${info.extra}` : ''})`,
  );
}

const charged = {
  volumeFractions: FIXTURE_FRACTIONS,
  arealCapacity_C_per_m2: 72_000,
  initialLithiation: X_CHARGED + 0.001,
};

time('cell.discharge_1c', '1C discharge, default mesh (20 x 15)', 30, () => {
  const r = simulateExperiment(fixtureConfig({ mesh: defaultMesh, electrode: charged }), [
    'Discharge at 1C until 2.5 V',
  ]);
  return {
    steps: r.solver.acceptedSteps,
    extra: `${(-r.steps[0]!.charge_C_per_m2 / 3600 / r.cell.ncmArealMass_kg_per_m2).toFixed(1)} mAh/g`,
  };
});

time('cell.formation_0_05c', '0.05C formation cycle, default mesh', 10, () => {
  const r = simulateExperiment(fixtureConfig({ mesh: defaultMesh }), [
    'Charge at 0.05C until 3.7 V',
    'Discharge at 0.05C until 2.5 V',
  ]);
  const c = r.cycles[0]!;
  return {
    steps: r.solver.acceptedSteps,
    extra: `${c.chargeCapacity_mAh_per_g.toFixed(1)}/${c.dischargeCapacity_mAh_per_g.toFixed(1)} mAh/g`,
  };
});

time(
  'cell.cycles_150',
  '150 cycles 0.5C/0.5C 3.0–3.6 V + toy side reaction, coarse mesh',
  1,
  () => {
    const r = simulateExperiment(
      fixtureConfig({
        physics: fixturePhysics({ sideReactions: [fixtureSideReaction({ rate_A_per_m2: 1e-6 })] }),
        mesh: { electrodeNodes: 8, separatorNodes: 2, particleShells: 10 },
      }),
      [
        {
          kind: 'repeat',
          count: 150,
          steps: ['Charge at 0.5C until 3.6 V', 'Discharge at 0.5C until 3.0 V'],
        },
      ],
    );
    const first = r.cycles[0]!;
    const last = r.cycles[r.cycles.length - 1]!;
    return {
      steps: r.solver.acceptedSteps,
      extra: `discharge ${first.dischargeCapacity_mAh_per_g.toFixed(1)} → ${last.dischargeCapacity_mAh_per_g.toFixed(1)} mAh/g`,
    };
  },
);

writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify({ rows }, null, 2)}\n`);
