// Runs one sweep point: builds the cell from its resolved configuration (measuring a voxel
// microstructure for the `voxel` fidelity), simulates formation → rate test → optional cycling in
// one continuous experiment, and reduces the result to the sweep metrics.
import { CellModel, type Protocol, simulateExperiment } from '@solidcell/cell';
import { createCell, type ProgressCallback, type TransportPath } from '@solidcell/core';
import { cellSetupFromConfig } from '../config/cellSetupFromConfig.js';
import { protocolFromConfig } from '../config/namedProtocols.js';
import { type CellSetup, cellModelConfig, cellPlugins } from '../studies/cellSetup.js';
import { phaseConductivities } from '../studies/phaseConductivities.js';
import { cyclingProtocol } from '../studies/runCycling.js';
import { FORMATION_PROTOCOL } from '../studies/runFormation.js';
import { rateProtocol } from '../studies/runRate.js';
import type { SweepTask } from './designPoints.js';
import { type PointMetrics, pointMetrics } from './pointMetrics.js';

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

/** Effective ionic and electronic conductivity (S/m) of the fresh electrode, from its Transport. */
function freshConductivities(setup: CellSetup): Record<TransportPath, number> {
  const config = cellModelConfig(setup);
  const components = createCell(cellPlugins(setup));
  const microstructure = {
    morphologyId: 'sweep-point',
    carbonShape: setup.carbonShape,
    seed: 0,
    targetVolumeFractions: config.electrode.volumeFractions,
    // The descriptors the cell model itself uses (measured for `voxel`, else estimated).
    descriptors: new CellModel(config).descriptors,
  };
  const solve = (path: TransportPath) =>
    config.physics.transport.effectiveConductivity({
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
  const setup: CellSetup = {
    ...cellSetupFromConfig(task.config),
    coarse: task.resolution === 'coarse',
  };
  const result = simulateExperiment(cellModelConfig(setup), sweepProtocol(task.experiments), {
    recordEvery: 50,
    ...(onProgress ? { onProgress } : {}),
  });
  const sigma = freshConductivities(setup);
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
