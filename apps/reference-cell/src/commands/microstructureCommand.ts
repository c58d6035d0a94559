// `solidcell microstructure`: a voxel electrode for a composition and carbon shape, its
// descriptors and its effective ionic and electronic conductivities along x, y and z (M2, M3);
// `--out` also exports the grid (raw, .vti, PNG slices) and the x solves for TauFactor.
import { join } from 'node:path';
import { fromCelsius, fromMicrometres, type VoxelGrid } from '@solidcell/core';
import { MAX_GRID_VOXELS_PER_EDGE } from '@solidcell/microstructure';
import {
  assertGridFitsNodeMemory,
  writeFileAtomic,
  writeRawLabels,
  writeSlicePng,
  writeVti,
} from '@solidcell/microstructure/node';
import type { Command } from 'commander';
import type { CommandOutput } from '../cli/output.js';
import {
  parseBoundedOption,
  parseJobsOption,
  parseNumberOption,
  parseSeedOption,
} from '../cli/parseNumberOption.js';
import { runWithProgress } from '../cli/runWithProgress.js';
import { writeTauFactorVolume } from '../io/writeTauFactorVolume.js';
import {
  computeMicrostructureInParallel,
  type MicrostructureStudy,
} from '../studies/computeMicrostructure.js';
import { parseCarbonType, withCarbonTypeOption } from './carbonTypeOption.js';

interface MicrostructureFlags {
  readonly ncm: string;
  readonly se: string;
  readonly carbon: string;
  readonly carbonType: string;
  readonly porosity: string;
  readonly voxels: string;
  readonly voxelSizeUm: string;
  readonly seed: string;
  readonly temperatureC: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly jobs?: string;
}

const fmt = (value: number | undefined, digits = 3): string =>
  value === undefined ? '–' : value.toPrecision(digits);

/** Writes `taufactor-{ionic,electronic}-x.{raw,json}`: the x solves of the study, as solved. */
function writeTauFactorVolumes(dir: string, grid: VoxelGrid, study: MicrostructureStudy): void {
  for (const path of ['ionic', 'electronic'] as const) {
    writeTauFactorVolume(join(dir, `taufactor-${path}-x`), {
      grid,
      path,
      axis: 'x',
      phaseConductivity_S_per_m: study.phaseConductivity_S_per_m[path],
      solidcell: {
        conductivity_S_per_m: study.result.conductivitySPerM[path].x!,
        tortuosityFactor: study.result.tortuosityFactor[path].x!,
      },
    });
  }
}

/** Builds, measures and solves one microstructure. */
export async function runMicrostructure(
  flags: MicrostructureFlags,
  output: CommandOutput,
): Promise<void> {
  const voxels = parseBoundedOption('--voxels', flags.voxels, {
    min: 16,
    max: MAX_GRID_VOXELS_PER_EDGE,
    unit: 'voxels per edge',
    integer: true,
  });
  const voxelSize_um = parseBoundedOption('--voxel-size-um', flags.voxelSizeUm, {
    min: 0.01,
    max: 5,
    unit: 'µm',
  });
  const seed = parseSeedOption(flags.seed);
  const temperature_C = parseBoundedOption('--temperature-c', flags.temperatureC, {
    min: -40,
    max: 150,
    unit: '°C',
  });
  const jobs = parseJobsOption(flags.jobs);
  assertGridFitsNodeMemory(voxels);
  const input = {
    massFractions_wtPct: {
      ncm: parseNumberOption('--ncm', flags.ncm),
      se: parseNumberOption('--se', flags.se),
      carbon: parseNumberOption('--carbon', flags.carbon),
    },
    carbonShape: parseCarbonType(flags.carbonType),
    porosity: parseNumberOption('--porosity', flags.porosity),
    voxels,
    voxelSize_m: fromMicrometres(voxelSize_um),
    seed,
    temperature_K: fromCelsius(temperature_C),
  };
  const study = await runWithProgress(`microstructure ${voxels}³`, false, (onProgress) =>
    computeMicrostructureInParallel(input, jobs, onProgress),
  );
  const { result, microstructure } = study;
  if (flags.out !== undefined && microstructure.grid !== undefined) {
    const grid = microstructure.grid;
    writeRawLabels(join(flags.out, 'labels'), grid, microstructure.descriptors);
    writeVti(join(flags.out, 'microstructure.vti'), grid);
    for (const axis of ['x', 'y', 'z'] as const) {
      writeSlicePng(join(flags.out, `slice-${axis}.png`), grid, {
        axis,
        index: Math.floor(voxels / 2),
        scale: Math.max(1, Math.ceil(512 / voxels)),
      });
    }
    writeFileAtomic(join(flags.out, 'microstructure.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeTauFactorVolumes(flags.out, grid, study);
    output.message(
      `wrote labels.raw/.json, microstructure.vti, slice-{x,y,z}.png, microstructure.json, taufactor-{ionic,electronic}-x.raw/.json (see docs/guides/taufactor.md) to ${flags.out}`,
    );
  }
  if (flags.json) {
    output.json(result);
    return;
  }
  const v = result.volumeFractions;
  const a = result.interfaceAreaPerVolumeM2PerM3;
  output.text(
    `volume fractions  NCM ${fmt(v.ncm)}  SE ${fmt(v.se)}  carbon ${fmt(v.carbon)}  pore ${fmt(v.pore)}`,
  );
  output.text(
    `interface area    NCM|SE ${fmt(a.ncm_se)}  C|SE ${fmt(a.carbon_se)}  NCM|C ${fmt(a.ncm_carbon)} m²/m³`,
  );
  output.text(
    `carbon in SE domain (β) ${fmt(result.carbonInSeDomainFraction)}; percolating SE ${fmt(result.percolatingFraction.se)}, electronic ${fmt(result.percolatingFraction.electronic)}`,
  );
  for (const path of ['ionic', 'electronic'] as const) {
    const s = result.conductivitySPerM[path];
    output.text(`σ_${path.padEnd(10)} x ${fmt(s.x)}  y ${fmt(s.y)}  z ${fmt(s.z)} S/m`);
  }
  output.text(
    `solver: ${result.solver.solves} solves, ${result.solver.iterations} iterations, worst residual ${fmt(result.solver.relativeResidual, 2)}, ${result.solver.seconds.toFixed(1)} s`,
  );
}

/** Registers the command. */
export function registerMicrostructureCommand(program: Command, output: CommandOutput): void {
  withCarbonTypeOption(program.command('microstructure'))
    .description(
      'voxel electrode for a composition: descriptors and effective ionic/electronic conductivity (M2, M3)',
    )
    .requiredOption('--ncm <wt%>', 'NCM811 mass fraction in wt%')
    .requiredOption('--se <wt%>', 'Li6PS5Cl mass fraction in wt%')
    .requiredOption('--carbon <wt%>', 'carbon additive mass fraction in wt%')
    .option('--porosity <fraction>', 'residual pore volume fraction, 0 ≤ ε < 0.9', '0')
    .option('--voxels <n>', 'voxels per edge of the cubic box', '128')
    .option('--voxel-size-um <µm>', 'voxel edge length in µm', '0.25')
    .option('--seed <n>', 'seed of every stochastic step', '1')
    .option('--temperature-c <°C>', 'temperature for the bulk conductivities', '25')
    .option(
      '--out <dir>',
      'write labels (raw uint8 + JSON header), .vti, slice PNGs and TauFactor volumes here',
    )
    .option('--json', 'print one JSON document on stdout')
    .option(
      '--jobs <n>',
      'worker threads for the six independent solves (default: number of cores)',
    )
    .action((flags: MicrostructureFlags) => runMicrostructure(flags, output));
}
