// The microstructure study: build the voxel electrode for a composition with its carbon plugin,
// measure its descriptors and solve ionic and electronic conduction along x, y and z.
import {
  type Axis,
  type CarbonShape,
  createCell,
  describeComposition,
  type Microstructure,
  type ProgressCallback,
  parseCompositionInput,
  type SolverReport,
  type TransportPath,
} from '@solidcell/core';
import { carbonPluginId, firstPartyPlugin } from '../plugins/firstPartyPlugins.js';
import { type PhaseConductivities, phaseConductivities } from './phaseConductivities.js';

/** Inputs of {@link computeMicrostructure}; lengths in metres. */
export interface MicrostructureStudyInput {
  readonly massFractions_wtPct: {
    readonly ncm: number;
    readonly se: number;
    readonly carbon: number;
    readonly binder?: number;
  };
  readonly carbonShape: CarbonShape;
  readonly porosity: number;
  readonly voxels: number;
  readonly voxelSize_m: number;
  readonly seed: number;
  readonly temperature_K: number;
  /** Axes to solve (default x, y, z). */
  readonly axes?: readonly Axis[];
}

type PerAxis = Partial<Record<Axis, number>>;

/** Descriptors and effective conductivities, keyed as the CLI's JSON document. */
export interface MicrostructureStudyResult {
  readonly volumeFractions: Microstructure['descriptors']['volumeFractions'];
  readonly targetVolumeFractions: Microstructure['targetVolumeFractions'];
  readonly interfaceAreaPerVolumeM2PerM3: Microstructure['descriptors']['interfaceAreaPerVolume_m2_per_m3'];
  readonly threePhaseNcmAreaPerVolumeM2PerM3: number;
  readonly percolatingFraction: Microstructure['descriptors']['percolatingFraction'];
  readonly carbonInSeDomainFraction: number;
  readonly conductivitySPerM: { readonly ionic: PerAxis; readonly electronic: PerAxis };
  readonly tortuosityFactor: { readonly ionic: PerAxis; readonly electronic: PerAxis };
  readonly currentCarryingFraction: { readonly ionic: PerAxis; readonly electronic: PerAxis };
  readonly solver: {
    readonly iterations: number;
    readonly relativeResidual: number;
    readonly seconds: number;
    readonly solves: number;
    /** False when any solve stopped on its iteration limit. */
    readonly converged: boolean;
  };
  readonly grid: { readonly voxels: number; readonly voxelSize_m: number; readonly seed: number };
}

/** The study plus the structure itself (for exports). */
export interface MicrostructureStudy {
  readonly result: MicrostructureStudyResult;
  readonly microstructure: Microstructure;
  /** The phase conductivities each path was solved with (S/m). */
  readonly phaseConductivity_S_per_m: Readonly<Record<TransportPath, PhaseConductivities>>;
}

/** Runs the microstructure study. */
export function computeMicrostructure(
  input: MicrostructureStudyInput,
  onProgress?: ProgressCallback,
): MicrostructureStudy {
  const composition = parseCompositionInput({
    massFractions_wtPct: input.massFractions_wtPct,
    carbonShape: input.carbonShape,
    porosity: input.porosity,
  });
  const { electrodeVolumeFractions } = describeComposition(composition);
  const cell = createCell([
    firstPartyPlugin('materials'),
    firstPartyPlugin('ncm-charge-transfer'),
    firstPartyPlugin(carbonPluginId(input.carbonShape)),
    // A solve that stops on its iteration limit is reported (solver.converged), not fatal.
    firstPartyPlugin('voxel-transport', { onNotConverged: 'report' }),
  ]);
  const microstructure = cell.morphologyFor(input.carbonShape).generate(
    {
      volumeFractions: electrodeVolumeFractions,
      seed: input.seed,
      grid: { voxels: input.voxels, voxelSize_m: input.voxelSize_m },
    },
    (fraction, stage) => onProgress?.(0.4 * fraction, `generate: ${stage}`),
  );
  const axes = input.axes ?? ['x', 'y', 'z'];
  const transport = cell.transport('voxel-fv');
  const conductivity = { ionic: {} as PerAxis, electronic: {} as PerAxis };
  const tortuosity = { ionic: {} as PerAxis, electronic: {} as PerAxis };
  const carrying = { ionic: {} as PerAxis, electronic: {} as PerAxis };
  let iterations = 0;
  let seconds = 0;
  let worstResidual = 0;
  let solves = 0;
  let converged = true;
  const paths: TransportPath[] = ['ionic', 'electronic'];
  const phaseConductivity_S_per_m = {
    ionic: phaseConductivities(cell, input.carbonShape, 'ionic', input.temperature_K),
    electronic: phaseConductivities(cell, input.carbonShape, 'electronic', input.temperature_K),
  };
  for (const path of paths) {
    const sigma = phaseConductivity_S_per_m[path];
    for (const axis of axes) {
      onProgress?.(0.4 + (0.6 * solves) / (paths.length * axes.length), `solve ${path} ${axis}`);
      const result = transport.effectiveConductivity({
        microstructure,
        path,
        phaseConductivity_S_per_m: sigma,
        axis,
      });
      conductivity[path][axis] = result.conductivity_S_per_m;
      tortuosity[path][axis] = result.tortuosityFactor;
      carrying[path][axis] = result.currentCarryingFraction;
      const report: SolverReport | undefined = result.solver;
      iterations += report?.iterations ?? 0;
      seconds += report?.seconds ?? 0;
      worstResidual = Math.max(worstResidual, report?.relativeResidual ?? 0);
      if (report?.converged === false) converged = false;
      solves += 1;
    }
  }
  onProgress?.(1, 'done');
  const d = microstructure.descriptors;
  return {
    microstructure,
    phaseConductivity_S_per_m,
    result: {
      volumeFractions: d.volumeFractions,
      targetVolumeFractions: microstructure.targetVolumeFractions,
      interfaceAreaPerVolumeM2PerM3: d.interfaceAreaPerVolume_m2_per_m3,
      threePhaseNcmAreaPerVolumeM2PerM3: d.threePhaseNcmAreaPerVolume_m2_per_m3,
      percolatingFraction: d.percolatingFraction,
      carbonInSeDomainFraction: d.carbonInSeDomainFraction,
      conductivitySPerM: conductivity,
      tortuosityFactor: tortuosity,
      currentCarryingFraction: carrying,
      solver: { iterations, relativeResidual: worstResidual, seconds, solves, converged },
      grid: { voxels: input.voxels, voxelSize_m: input.voxelSize_m, seed: input.seed },
    },
  };
}
