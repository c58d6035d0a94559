// Runs one sweep point: builds the cell from its resolved configuration (for the `voxel`
// fidelity with the descriptors of the point's own voxel electrode, whose σ are solved on the
// voxels), simulates its experiments in one continuous run and reduces them to the metrics.
import { CellModel, type Protocol, simulateExperiment } from '@solidcell/cell';
import {
  createCell,
  type Microstructure,
  type ProgressCallback,
  type TransportPath,
} from '@solidcell/core';
import { VoxelTransport } from '@solidcell/transport';
import { cellSetupFromConfig } from '../config/cellSetupFromConfig.js';
import { protocolFromConfig } from '../config/namedProtocols.js';
import { type CellSetup, cellModelConfig, cellPlugins } from '../studies/cellSetup.js';
import { phaseConductivities } from '../studies/phaseConductivities.js';
import { cyclingProtocol } from '../studies/runCycling.js';
import { FORMATION_PROTOCOL } from '../studies/runFormation.js';
import { rateProtocol } from '../studies/runRate.js';
import type { SweepTask } from './designPoints.js';
import { type PointMetrics, pointMetrics } from './pointMetrics.js';
import { voxelElectrode } from './voxelElectrode.js';

/**
 * The steps every point runs: the design's `protocol` when it names one, else formation, the
 * rate test, then cycling when asked for.
 */
export function sweepProtocol(experiments: SweepTask['experiments']): Protocol {
  if (experiments.protocol !== undefined) return protocolFromConfig(experiments.protocol).protocol;
  const cycling = experiments.cycling;
  return [
    ...rateProtocol(experiments.rateCRates),
    ...(cycling
      ? cyclingProtocol(cycling.cRate, cycling.cycles).slice(FORMATION_PROTOCOL.length)
      : []),
  ];
}

/**
 * Effective ionic and electronic conductivity (S/m) of the fresh electrode: solved on the
 * point's voxel electrode (`voxel` fidelity), else from the cell's Transport and descriptors.
 */
function freshConductivities(
  setup: CellSetup,
  electrode: Microstructure | undefined,
): Record<TransportPath, number> {
  const config = cellModelConfig(setup);
  const components = createCell(cellPlugins(setup));
  const transport = electrode ? new VoxelTransport() : config.physics.transport;
  const microstructure = electrode ?? {
    morphologyId: 'sweep-point',
    carbonShape: setup.carbonShape,
    seed: 0,
    targetVolumeFractions: config.electrode.volumeFractions,
    descriptors: new CellModel(config).descriptors,
  };
  const solve = (path: TransportPath) =>
    transport.effectiveConductivity({
      microstructure,
      path,
      phaseConductivity_S_per_m: phaseConductivities(
        components,
        setup.carbonShape,
        path,
        setup.temperature_K,
      ),
    }).conductivity_S_per_m;
  return { ionic: solve('ionic'), electronic: solve('electronic') };
}

/** Runs a point and returns all its metrics. */
export function runPoint(task: SweepTask, onProgress?: ProgressCallback): PointMetrics {
  // The voxel electrode is generated here (cached), not by cellSetupFromConfig.
  const estimated = cellSetupFromConfig({
    ...task.config,
    microstructure: { ...task.config.microstructure, descriptors: 'estimated' },
  });
  const electrode = task.fidelity === 'voxel' ? voxelElectrode(task.config, estimated) : undefined;
  const setup: CellSetup = {
    ...estimated,
    ...(electrode ? { descriptors: electrode.descriptors } : {}),
    coarse: task.resolution === 'coarse',
  };
  const result = simulateExperiment(cellModelConfig(setup), sweepProtocol(task.experiments), {
    recordEvery: 50,
    ...(onProgress ? { onProgress } : {}),
  });
  const sigma = freshConductivities(setup, electrode);
  const custom = task.experiments.protocol !== undefined;
  return pointMetrics(result, {
    ncmMassFraction: setup.massFractions_wtPct.ncm / 100,
    // A design protocol has no rate test; its cycles after the first count as cycling.
    rateCRates: custom ? [] : task.experiments.rateCRates,
    cycling: custom || task.experiments.cycling !== undefined,
    sigmaIon_S_per_m: sigma.ionic,
    sigmaEl_S_per_m: sigma.electronic,
  });
}
