// Cyclic voltammetry of a carbon–SE electrode (no NCM) with the carbon plugin's material and the
// argyrodite-oxidation kinetics the cell uses.
import { simulateCarbonCv } from '@solidcell/argyrodite-oxidation';
import { type CarbonShape, createCell, invalidInput, isCarbonAdditive } from '@solidcell/core';
import { carbonPluginId, firstPartyPlugin } from '../plugins/firstPartyPlugins.js';

/** CV inputs; potentials vs Li-In. */
export interface CarbonCvSetup {
  readonly carbonShape: CarbonShape;
  readonly carbonMass_kg: number;
  readonly scanRate_V_per_s: number;
  readonly from_V: number;
  readonly to_V: number;
  readonly temperature_K: number;
}

/** CV result keyed as the CLI's JSON document (currents in mA). */
export interface CarbonCvReport {
  readonly peakCurrentMa: number;
  readonly peakPotentialVsLiIn_V: number;
  readonly peakCurrentMaPerM2Carbon: number;
  readonly carbonAreaM2: number;
  readonly curve: { readonly potentialVsLiIn_V: number[]; readonly currentMa: number[] };
}

/** Runs the CV. */
export function runCarbonCv(setup: CarbonCvSetup): CarbonCvReport {
  const cell = createCell([
    firstPartyPlugin('materials'),
    firstPartyPlugin('ncm-charge-transfer'),
    firstPartyPlugin(carbonPluginId(setup.carbonShape)),
    firstPartyPlugin('effective-medium-transport'),
  ]);
  const carbon = cell.material('carbon-additive');
  if (!isCarbonAdditive(carbon))
    return invalidInput('carbon material', carbon.id, 'a CarbonAdditive');
  const cv = simulateCarbonCv({
    carbon,
    carbonMass_kg: setup.carbonMass_kg,
    scanRate_V_per_s: setup.scanRate_V_per_s,
    from_V: setup.from_V,
    to_V: setup.to_V,
    temperature_K: setup.temperature_K,
  });
  return {
    peakCurrentMa: 1000 * cv.peakCurrent_A,
    peakPotentialVsLiIn_V: cv.peakPotential_V,
    peakCurrentMaPerM2Carbon: 1000 * cv.peakCurrent_A_per_m2Carbon,
    carbonAreaM2: cv.carbonArea_m2,
    curve: { potentialVsLiIn_V: cv.potential_V, currentMa: cv.current_A.map((i) => 1000 * i) },
  };
}
