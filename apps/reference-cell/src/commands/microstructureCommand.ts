// `solidcell microstructure`: a voxel electrode for a composition and carbon shape, its
// descriptors and its effective ionic and electronic conductivities along x, y and z (M2, M3);
// `--out` also exports the grid (raw, .vti, PNG slices) and the x solves for TauFactor.
import { join } from 'node:path';
import { type CarbonShape, fromCelsius, fromMicrometres, type VoxelGrid } from '@solidcell/core';
import {
  writeFileAtomic,
  writeRawLabels,
  writeSlicePng,
  writeVti,
} from '@solidcell/microstructure/node';
import type { Command } from 'commander';
import { assertMicrostructureFitsMemory } from '../cli/memoryGuard.js';
import type { CommandOutput } from '../cli/output.js';
import { parseJobsOption } from '../cli/parseNumberOption.js';
import { runWithProgress } from '../cli/runWithProgress.js';
import { writeTauFactorVolume } from '../io/writeTauFactorVolume.js';
import {
  computeMicrostructureInParallel,
  type MicrostructureStudy,
  type MicrostructureStudyInput,
  solveTransportTask,
} from '../studies/computeMicrostructure.js';
import { parseCarbonType, withCarbonTypeOption } from './carbonTypeOption.js';
import {
  MICROSTRUCTURE_INPUTS,
  type MicrostructureInputValues,
  massFractionsFor,
  readMicrostructureConfig,
  representativeVolumeWarning,
  resolveMicrostructureInputs,
} from './microstructureInputs.js';
import { seedStatistics } from './seedStatistics.js';

type MicrostructureFlags = Readonly<Record<string, string | boolean | undefined>> & {
  readonly config?: string;
  readonly carbonType?: string;
  readonly basis?: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly jobs?: string;
};

const fmt = (value: number | undefined, digits = 3): string =>
  value === undefined ? '–' : value.toPrecision(digits);

/**
 * Writes `taufactor-{ionic,electronic}-x.{raw,json}`: the x solves of the study. TauFactor's
 * multi-phase solver has no face resistances, so the header carries SolidCell's contact-free
 * solve of the same voxels (grain boundaries and contacts omitted) for a like-for-like check.
 */
function writeTauFactorVolumes(dir: string, grid: VoxelGrid, study: MicrostructureStudy): void {
  for (const path of ['ionic', 'electronic'] as const) {
    const contactFree = solveTransportTask({
      microstructure: study.microstructure,
      path,
      axis: 'x',
      phaseConductivity_S_per_m: study.phaseConductivity_S_per_m[path],
      contactResistance_ohm_m2: { se_se: 0, ncm_ncm: 0, carbon_carbon: 0, ncm_carbon: 0 },
    });
    writeTauFactorVolume(join(dir, `taufactor-${path}-x`), {
      grid,
      path,
      axis: 'x',
      phaseConductivity_S_per_m: study.phaseConductivity_S_per_m[path],
      solidcell: {
        conductivity_S_per_m: contactFree.conductivity_S_per_m,
        tortuosityFactor: contactFree.tortuosityFactor,
      },
    });
  }
}

/** The study input for one seed from the resolved inputs. */
function studyInput(
  v: MicrostructureInputValues,
  massFractions_wtPct: { ncm: number; se: number; carbon: number },
  carbonShape: CarbonShape,
  seed: number,
): MicrostructureStudyInput {
  const optional = <T>(value: number | undefined, make: (x: number) => T) =>
    value === undefined ? undefined : make(value);
  const contacts = {
    se_se: v.se_se,
    ncm_ncm: v.ncm_ncm,
    carbon_carbon: v.carbon_carbon,
    ncm_carbon: v.ncm_carbon,
  };
  return {
    massFractions_wtPct,
    carbonShape,
    porosity: v.porosity!,
    voxels: v.voxels!,
    voxelSize_m: fromMicrometres(v.voxelSizeUm!),
    seed,
    temperature_K: fromCelsius(v.temperatureC!),
    ncmParticles: { d50_m: fromMicrometres(v.ncmD50Um!), span: v.ncmSpan! },
    seParticles: { d50_m: fromMicrometres(v.seD50Um!), span: v.seSpan! },
    carbonDimensions: JSON.parse(
      JSON.stringify({
        agglomerateD50_m: optional(v.agglomerateD50Um, fromMicrometres),
        fibreDiameter_m: optional(v.fibreDiameterNm, (x) => x * 1e-9),
        fibreLength_m: optional(v.fibreLengthUm, fromMicrometres),
      }),
    ),
    conductivityOverrides_S_per_m: JSON.parse(
      JSON.stringify({
        seIonic: optional(v.sigmaSeSPerM, (x) => x),
        ncmElectronic: optional(v.sigmaNcmSPerM, (x) => x),
        carbonElectronic: optional(v.sigmaCarbonSPerM, (x) => x),
      }),
    ),
    contactResistance_ohm_m2: JSON.parse(JSON.stringify(contacts)),
  };
}

/** Builds, measures and solves one microstructure (or `--seeds` of them). */
export async function runMicrostructure(
  flags: MicrostructureFlags,
  output: CommandOutput,
): Promise<void> {
  const config = flags.config === undefined ? {} : readMicrostructureConfig(flags.config);
  const values = resolveMicrostructureInputs(config, flags);
  const jobs = parseJobsOption(flags.jobs);
  assertMicrostructureFitsMemory(values.voxels!, jobs);
  const carbonShape = parseCarbonType(
    flags.carbonType ?? (config.carbonType as string | undefined) ?? 'sc',
  );
  const basis = flags.basis ?? (config.basis as string | undefined) ?? 'wt';
  const massFractions = massFractionsFor(values, basis, carbonShape);
  const warning = representativeVolumeWarning(values);
  if (warning !== undefined) output.message(warning);
  const seeds = Array.from({ length: values.seeds! }, (_, k) => values.seed! + k);
  const studies: MicrostructureStudy[] = [];
  for (const seed of seeds) {
    studies.push(
      await runWithProgress(`microstructure ${values.voxels}³ seed ${seed}`, false, (onProgress) =>
        computeMicrostructureInParallel(
          studyInput(values, massFractions, carbonShape, seed),
          jobs,
          onProgress,
        ),
      ),
    );
  }
  const study = studies[0]!;
  const voxels = values.voxels!;
  if (seeds.length > 1) {
    const summary = {
      seeds,
      statistics: seedStatistics(studies.map((s) => s.result)),
    };
    if (flags.out !== undefined) {
      writeFileAtomic(
        join(flags.out, 'microstructure-seeds.json'),
        `${JSON.stringify(summary, null, 2)}\n`,
      );
    }
    if (flags.json) {
      output.json(summary);
      return;
    }
    const stats = summary.statistics as {
      conductivitySPerM: Record<string, Record<string, { mean: number; sd: number }>>;
      threePhaseFraction?: { mean: number; sd: number };
      ncmSeCoverage?: { mean: number; sd: number };
    };
    for (const path of ['ionic', 'electronic'] as const) {
      for (const [axis, s] of Object.entries(stats.conductivitySPerM[path] ?? {})) {
        output.text(
          `σ_${path} ${axis}: ${fmt(s.mean)} ± ${fmt(s.sd, 2)} S/m (${seeds.length} seeds)`,
        );
      }
    }
    const pm = (s?: { mean: number; sd: number }) =>
      s === undefined ? '–' : `${fmt(s.mean)} ± ${fmt(s.sd, 2)}`;
    output.text(
      `three-phase fraction ${pm(stats.threePhaseFraction)}; NCM|SE coverage ${pm(stats.ncmSeCoverage)}`,
    );
    return;
  }
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
  output.text(
    `three-phase fraction ${fmt(result.threePhaseFraction)}; NCM|SE coverage ${fmt(result.ncmSeCoverage)}; generated D50 NCM ${fmt((result.effectiveD50M?.ncm ?? 0) * 1e6)} µm, SE grain ${fmt((result.effectiveD50M?.seGrain ?? 0) * 1e6)} µm`,
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
  const command = withCarbonTypeOption(program.command('microstructure'))
    .description(
      'voxel electrode for a composition: particulate SE, carbon with contacts, descriptors and effective ionic/electronic conductivity (M2, M3)',
    )
    .option(
      '--config <file>',
      'JSON file with any of the inputs below (camelCase keys, e.g. "seD50Um"); flags win',
    )
    .option('--basis <wt|vol>', 'shares given as wt% (default) or vol% of the solids');
  for (const spec of MICROSTRUCTURE_INPUTS) {
    command.option(
      `${spec.flag} <${spec.bounds.unit || 'n'}>`,
      spec.help + (spec.defaultValue === undefined ? '' : ` (default ${spec.defaultValue})`),
    );
  }
  command
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
