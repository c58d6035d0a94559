// Times voxel generation (NCM packing, carbon placement, descriptors) at 64³, 128³ and 200³ for a
// 90/7/3 wt% electrode with uniform test spheres as carbon; writes bench/results.json for the root
// `pnpm bench` table. Run: pnpm --filter @solidcell/microstructure bench
import { writeFileSync } from 'node:fs';
import { describeComposition, parseCompositionInput } from '@solidcell/core';
import { generateMicrostructure } from '../src/generateMicrostructure.js';
import { uniformSpherePlacer } from '../src/testPlacer.fixtures.js';

const sizes = (process.env.SOLIDCELL_BENCH_SIZES ?? '64,128,200').split(',').map(Number);
const input = parseCompositionInput({
  massFractions_wtPct: { ncm: 90, se: 7, carbon: 3 },
  carbonShape: 'spherical',
  porosity: 0.05,
});
const volumeFractions = describeComposition(input).electrodeVolumeFractions;
const rows: Array<Record<string, string | number>> = [];
const results: Array<{ id: string; label: string; runs: number; seconds: Record<string, number> }> =
  [];
for (const voxels of sizes) {
  const stages: Array<[string, number]> = [];
  const start = performance.now();
  const m = generateMicrostructure(
    { volumeFractions, seed: 1, grid: { voxels, voxelSize_m: 0.25e-6 } },
    { morphologyId: 'bench', placer: uniformSpherePlacer(0.25e-6) },
    (_f, stage) => stages.push([stage, performance.now()]),
  );
  const total = performance.now() - start;
  const at = (name: string) => stages.find(([s]) => s === name)?.[1] ?? start;
  results.push({
    id: `microstructure.generate_${voxels}`,
    label: `generate 90/7/3 wt% at ${voxels}³`,
    runs: 1,
    seconds: { median: total / 1000, min: total / 1000, max: total / 1000 },
  });
  rows.push({
    voxels: `${voxels}³`,
    'box (µm)': voxels * 0.25,
    'total (s)': (total / 1000).toFixed(2),
    'ncm (s)': ((at('pores') - start) / 1000).toFixed(2),
    'carbon (s)': ((at('descriptors') - at('carbon-placement')) / 1000).toFixed(2),
    'descriptors (s)': ((at('done') - at('descriptors')) / 1000).toFixed(2),
    'Mvoxel/s': (voxels ** 3 / total / 1000).toFixed(2),
    'φ_NCM err': Math.abs(m.descriptors.volumeFractions.ncm - volumeFractions.ncm).toExponential(1),
  });
}
console.table(rows);
writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ rows: results }, null, 2)}\n`,
);
