// The microstructure study: build the voxel electrode for a composition with its carbon plugin,
// measure its descriptors and solve ionic and electronic conduction along x, y and z, in this
// thread or with the independent solves on worker threads.
import {
  type Axis,
  type CarbonShape,
  type ContactResistances_ohm_m2,
  createCell,
  describeComposition,
  type Microstructure,
  type ProgressCallback,
  parseCompositionInput,
  type SolverReport,
  type TransportPath,
  type TransportResult,
} from '@solidcell/core';
import { contactResistancesFor } from '@solidcell/transport';
import { carbonPluginId, firstPartyPlugin } from '../plugins/firstPartyPlugins.js';
import { runTasks, usableJobs } from '../reproduce/runTasks.js';
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
  /** NCM and SE particle-size distributions (median diameter m, span); default: generator's. */
  readonly ncmParticles?: { readonly d50_m: number; readonly span: number };
  readonly seParticles?: { readonly d50_m: number; readonly span: number };
  /** Carbon dimensions (m): SC agglomerate D50, CF fibre diameter and length; default: plugins'. */
  readonly carbonDimensions?: {
    readonly agglomerateD50_m?: number;
    readonly fibreDiameter_m?: number;
    readonly fibreLength_m?: number;
  };
  /** Bulk conductivities replacing the Material plugins' values (S/m) at the study temperature. */
  readonly conductivityOverrides_S_per_m?: {
    readonly seIonic?: number;
    readonly ncmElectronic?: number;
    readonly carbonElectronic?: number;
  };
  /** Contact resistances at 25 °C replacing the defaults (Ω m², `CONTACT_RESISTANCE_DEFAULTS`). */
  readonly contactResistance_ohm_m2?: Partial<ContactResistances_ohm_m2>;
}

type PerAxis = Partial<Record<Axis, number>>;

/** Descriptors and effective conductivities, keyed as the CLI's JSON document. */
export interface MicrostructureStudyResult {
  readonly volumeFractions: Microstructure['descriptors']['volumeFractions'];
  readonly targetVolumeFractions: Microstructure['targetVolumeFractions'];
  readonly interfaceAreaPerVolumeM2PerM3: Microstructure['descriptors']['interfaceAreaPerVolume_m2_per_m3'];
  readonly threePhaseNcmAreaPerVolumeM2PerM3: number;
  /** Share of the NCM|SE contact touched by carbon, weighted by the carbon (model.md §2a). */
  readonly threePhaseFraction: number | undefined;
  /** Share of the NCM surface touching SE. */
  readonly ncmSeCoverage: number | undefined;
  readonly seGrainContactAreaPerVolumeM2PerM3: number | undefined;
  /** Volume-median diameters of the NCM particles and SE grains as generated (m). */
  readonly effectiveD50M: Microstructure['descriptors']['effectiveD50_m'];
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
  /** The contact resistances each path was solved with, at the study temperature (Ω m²). */
  readonly contactResistance_ohm_m2: Readonly<Record<TransportPath, ContactResistances_ohm_m2>>;
}

/** One transport solve of the study (plain data: it crosses to worker threads). */
export interface TransportSolveTask {
  readonly microstructure: Microstructure;
  readonly path: TransportPath;
  readonly axis: Axis;
  readonly phaseConductivity_S_per_m: PhaseConductivities;
  /** Contact resistances of the path at the study temperature (Ω m²). */
  readonly contactResistance_ohm_m2: ContactResistances_ohm_m2;
}

/** The generated structure and the solves it needs. */
interface PreparedStudy {
  readonly microstructure: Microstructure;
  readonly phaseConductivity_S_per_m: Readonly<Record<TransportPath, PhaseConductivities>>;
  readonly contactResistance_ohm_m2: Readonly<Record<TransportPath, ContactResistances_ohm_m2>>;
  readonly tasks: readonly TransportSolveTask[];
}

/** Electronic solves first: they take longest, so a worker pool ends evenly. */
const PATHS: readonly TransportPath[] = ['electronic', 'ionic'];

/**
 * Accuracy of the study's solves: σ_eff to an estimated 1e-4 relative, residual 1e-4 — three
 * orders of magnitude below the spread between seeds of one composition (90/9/1 wt% SC at 96³,
 * seeds 1–3: σ_ion 0.011–0.016 S/m, σ_el 0.09–0.83 S/m). The library defaults (1e-5, 1e-6)
 * cost ≈ 35 % more iterations on the electronic solves (ncm90_sc1 at 96³: 64 vs 47).
 */
const STUDY_SOLVE_TOLERANCES = { relativeTolerance: 1e-4, conductivityTolerance: 1e-4 };

function studyCell(
  carbonShape: CarbonShape,
  dimensions: MicrostructureStudyInput['carbonDimensions'] = {},
) {
  const d = JSON.parse(JSON.stringify(dimensions)) as NonNullable<typeof dimensions>;
  const carbonOptions =
    carbonShape === 'spherical'
      ? d.agglomerateD50_m === undefined
        ? {}
        : { agglomerates: { agglomerateD50_m: d.agglomerateD50_m } }
      : {
          fibers: {
            ...(d.fibreDiameter_m === undefined ? {} : { diameter_m: d.fibreDiameter_m }),
            ...(d.fibreLength_m === undefined ? {} : { length_m: d.fibreLength_m }),
          },
        };
  return createCell([
    firstPartyPlugin('materials'),
    firstPartyPlugin('ncm-charge-transfer'),
    firstPartyPlugin(carbonPluginId(carbonShape), carbonOptions),
    // A solve that stops on its iteration limit is reported (solver.converged), not fatal.
    firstPartyPlugin('voxel-transport', { onNotConverged: 'report', ...STUDY_SOLVE_TOLERANCES }),
  ]);
}

/** Solves one task with the voxel transport (in this thread or on a worker). */
export function solveTransportTask(task: TransportSolveTask): TransportResult {
  return studyCell(task.microstructure.carbonShape).transport('voxel-fv').effectiveConductivity({
    microstructure: task.microstructure,
    path: task.path,
    phaseConductivity_S_per_m: task.phaseConductivity_S_per_m,
    axis: task.axis,
    contactResistance_ohm_m2: task.contactResistance_ohm_m2,
  });
}

function prepareStudy(
  input: MicrostructureStudyInput,
  onProgress?: ProgressCallback,
): PreparedStudy {
  const composition = parseCompositionInput({
    massFractions_wtPct: input.massFractions_wtPct,
    carbonShape: input.carbonShape,
    porosity: input.porosity,
  });
  const { electrodeVolumeFractions } = describeComposition(composition);
  const cell = studyCell(input.carbonShape, input.carbonDimensions);
  const microstructure = cell.morphologyFor(input.carbonShape).generate(
    {
      volumeFractions: electrodeVolumeFractions,
      seed: input.seed,
      grid: { voxels: input.voxels, voxelSize_m: input.voxelSize_m },
      ...(input.ncmParticles === undefined ? {} : { ncmParticles: input.ncmParticles }),
      ...(input.seParticles === undefined ? {} : { seParticles: input.seParticles }),
    },
    (fraction, stage) => onProgress?.(GENERATION_SHARE * fraction, `generate: ${stage}`),
  );
  const o = input.conductivityOverrides_S_per_m ?? {};
  const ionic = phaseConductivities(cell, input.carbonShape, 'ionic', input.temperature_K);
  const electronic = phaseConductivities(
    cell,
    input.carbonShape,
    'electronic',
    input.temperature_K,
  );
  const phaseConductivity_S_per_m = {
    ionic: { ...ionic, se: o.seIonic ?? ionic.se },
    electronic: {
      ...electronic,
      ncm: o.ncmElectronic ?? electronic.ncm,
      carbon: o.carbonElectronic ?? electronic.carbon,
    },
  };
  const contactResistance_ohm_m2 = {
    ionic: contactResistancesFor('ionic', input.temperature_K, input.contactResistance_ohm_m2),
    electronic: contactResistancesFor(
      'electronic',
      input.temperature_K,
      input.contactResistance_ohm_m2,
    ),
  };
  const axes = input.axes ?? ['x', 'y', 'z'];
  const tasks = PATHS.flatMap((path) =>
    axes.map((axis) => ({
      microstructure,
      path,
      axis,
      phaseConductivity_S_per_m: phaseConductivity_S_per_m[path],
      contactResistance_ohm_m2: contactResistance_ohm_m2[path],
    })),
  );
  return { microstructure, phaseConductivity_S_per_m, contactResistance_ohm_m2, tasks };
}

function assembleStudy(
  input: MicrostructureStudyInput,
  prepared: PreparedStudy,
  results: readonly TransportResult[],
): MicrostructureStudy {
  const conductivity = { ionic: {} as PerAxis, electronic: {} as PerAxis };
  const tortuosity = { ionic: {} as PerAxis, electronic: {} as PerAxis };
  const carrying = { ionic: {} as PerAxis, electronic: {} as PerAxis };
  let iterations = 0;
  let seconds = 0;
  let worstResidual = 0;
  let converged = true;
  for (const [index, { path, axis }] of prepared.tasks.entries()) {
    const result = results[index]!;
    conductivity[path][axis] = result.conductivity_S_per_m;
    tortuosity[path][axis] = result.tortuosityFactor;
    carrying[path][axis] = result.currentCarryingFraction;
    const report: SolverReport | undefined = result.solver;
    iterations += report?.iterations ?? 0;
    seconds += report?.seconds ?? 0;
    worstResidual = Math.max(worstResidual, report?.relativeResidual ?? 0);
    if (report?.converged === false) converged = false;
  }
  const { microstructure, phaseConductivity_S_per_m, contactResistance_ohm_m2 } = prepared;
  const d = microstructure.descriptors;
  return {
    microstructure,
    phaseConductivity_S_per_m,
    contactResistance_ohm_m2,
    result: {
      volumeFractions: d.volumeFractions,
      targetVolumeFractions: microstructure.targetVolumeFractions,
      interfaceAreaPerVolumeM2PerM3: d.interfaceAreaPerVolume_m2_per_m3,
      threePhaseNcmAreaPerVolumeM2PerM3: d.threePhaseNcmAreaPerVolume_m2_per_m3,
      threePhaseFraction: d.threePhaseFraction,
      ncmSeCoverage: d.ncmSeCoverage,
      seGrainContactAreaPerVolumeM2PerM3: d.seGrainContactAreaPerVolume_m2_per_m3,
      effectiveD50M: d.effectiveD50_m,
      percolatingFraction: d.percolatingFraction,
      carbonInSeDomainFraction: d.carbonInSeDomainFraction,
      conductivitySPerM: conductivity,
      tortuosityFactor: tortuosity,
      currentCarryingFraction: carrying,
      solver: {
        iterations,
        relativeResidual: worstResidual,
        seconds,
        solves: prepared.tasks.length,
        converged,
      },
      grid: { voxels: input.voxels, voxelSize_m: input.voxelSize_m, seed: input.seed },
    },
  };
}

/** Share of the progress bar given to generating the structure. */
const GENERATION_SHARE = 0.4;

/** Runs the microstructure study in this thread. */
export function computeMicrostructure(
  input: MicrostructureStudyInput,
  onProgress?: ProgressCallback,
): MicrostructureStudy {
  const prepared = prepareStudy(input, onProgress);
  const results = prepared.tasks.map((task, index) => {
    onProgress?.(
      GENERATION_SHARE + ((1 - GENERATION_SHARE) * index) / prepared.tasks.length,
      `solve ${task.path} ${task.axis}`,
    );
    return solveTransportTask(task);
  });
  onProgress?.(1, 'done');
  return assembleStudy(input, prepared, results);
}

const WORKER_URL = new URL('./transportWorker.js', import.meta.url);

/**
 * Runs the study with its independent solves (paths × axes) on up to `jobs` worker threads; the
 * same result as {@link computeMicrostructure}, byte for byte.
 */
export async function computeMicrostructureInParallel(
  input: MicrostructureStudyInput,
  jobs: number,
  onProgress?: ProgressCallback,
): Promise<MicrostructureStudy> {
  const prepared = prepareStudy(input, onProgress);
  let finished = 0;
  const results = await runTasks(prepared.tasks, {
    jobs: usableJobs(import.meta.url, Math.min(jobs, prepared.tasks.length)),
    workerUrl: WORKER_URL,
    runInline: solveTransportTask,
    onResult: () => {
      finished += 1;
      onProgress?.(
        GENERATION_SHARE + ((1 - GENERATION_SHARE) * finished) / prepared.tasks.length,
        `${finished} of ${prepared.tasks.length} solves`,
      );
    },
  });
  onProgress?.(1, 'done');
  return assembleStudy(input, prepared, results);
}
