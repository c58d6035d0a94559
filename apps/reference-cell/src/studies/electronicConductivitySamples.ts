// The electronic network of a voxel electrode at two NCM states: the study's solves (NCM
// lithiated, x_Li = 1) plus one solve with the NCM at the charged edge of its window, so the
// cell takes σ_el,eff(x_Li) from the microstructure (model.md §3) instead of a closed form.
import {
  createCell,
  type ElectronicConductivitySample,
  type MicrostructureDescriptors,
} from '@solidcell/core';
import { carbonPluginId, firstPartyPlugin } from '../plugins/firstPartyPlugins.js';
import { type MicrostructureStudy, solveTransportTask } from './computeMicrostructure.js';

function mean(values: readonly (number | undefined)[]): number {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.reduce((a, b) => a + b, 0) / Math.max(1, defined.length);
}

/**
 * Samples σ_el,eff(σ_NCM) of a studied structure.
 *
 * @remarks
 * Sample 1 is the study's own result (mean over its axes, NCM at x_Li = 1, where NCM811 conducts
 * worst). Sample 2 re-solves the x axis with the NCM at the charged window edge of the
 * charge-transfer plugin (σ_NCM ≈ 1000× higher, parameters.md §6.2) and scales the axis mean by
 * the x-axis ratio, so both samples share the study's axis average. Between them the cell
 * interpolates a power law in σ_NCM. Cost: one electronic solve per electrode.
 */
export function electronicConductivitySamples(
  study: MicrostructureStudy,
  temperature_K: number,
): ElectronicConductivitySample[] {
  const { microstructure, phaseConductivity_S_per_m, contactResistance_ohm_m2, result } = study;
  const lithiated = phaseConductivity_S_per_m.electronic;
  const axisMean = mean(Object.values(result.conductivitySPerM.electronic));
  const cell = createCell([
    firstPartyPlugin('materials'),
    firstPartyPlugin('ncm-charge-transfer'),
    firstPartyPlugin(carbonPluginId(microstructure.carbonShape)),
    firstPartyPlugin('effective-medium-transport'),
  ]);
  const charged = cell.chargeTransfer.lithiationWindow.charged;
  const ncmCharged = cell
    .material('active-material')
    .electronicConductivity_S_per_m({ temperature_K, lithiation: charged });
  const xLithiated = result.conductivitySPerM.electronic.x;
  const samples: ElectronicConductivitySample[] = [
    { ncmConductivity_S_per_m: lithiated.ncm, effectiveConductivity_S_per_m: axisMean },
  ];
  if (xLithiated === undefined || !(xLithiated > 0) || !(ncmCharged > lithiated.ncm)) {
    return samples;
  }
  const xCharged = solveTransportTask({
    microstructure,
    path: 'electronic',
    axis: 'x',
    phaseConductivity_S_per_m: { ...lithiated, ncm: ncmCharged },
    contactResistance_ohm_m2: contactResistance_ohm_m2.electronic,
  }).conductivity_S_per_m;
  samples.push({
    ncmConductivity_S_per_m: ncmCharged,
    effectiveConductivity_S_per_m: axisMean * (xCharged / xLithiated),
  });
  return samples;
}

/** σ_ion,eff / σ_SE of a studied structure: its ionic voxel solves, mean over the solved axes. */
export function ionicConductivityRatio(study: MicrostructureStudy): number {
  return (
    mean(Object.values(study.result.conductivitySPerM.ionic)) /
    study.phaseConductivity_S_per_m.ionic.se
  );
}

/** The descriptors a cell uses from a study result, its electronic samples and ionic ratio. */
export function cellDescriptors(
  result: MicrostructureStudy['result'],
  samples: readonly ElectronicConductivitySample[],
  ionicRatio: number,
): MicrostructureDescriptors {
  return {
    ionicConductivityRatio: ionicRatio,
    volumeFractions: result.volumeFractions,
    interfaceAreaPerVolume_m2_per_m3: result.interfaceAreaPerVolumeM2PerM3,
    threePhaseNcmAreaPerVolume_m2_per_m3: result.threePhaseNcmAreaPerVolumeM2PerM3,
    percolatingFraction: result.percolatingFraction,
    carbonInSeDomainFraction: result.carbonInSeDomainFraction,
    electronicConductivitySamples: samples,
  };
}
