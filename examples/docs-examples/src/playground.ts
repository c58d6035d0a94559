// The playground's model: composition, thickness and the effective ionic and electronic
// conductivity of an electrode (effective-medium Transport), computed from slider values. Runs in a Web Worker on the docs site, so it must
// stay browser-safe (no Node built-ins).
import {
  type CarbonShape,
  electrodeVolumeFractions,
  fromMilliampHoursPerGram,
  referenceDensities,
  solidVolumeFractions,
  thicknessFromNcmArealMass_m,
} from '@solidcell/core';
import { effectiveConductivities } from './effectiveConductivity.js';

/** Slider values of the playground. */
export interface PlaygroundInput {
  readonly ncm_wtPct: number;
  readonly se_wtPct: number;
  readonly carbon_wtPct: number;
  readonly carbonShape: CarbonShape;
  /** Pore volume fraction (0–0.9). */
  readonly porosity: number;
  /** NCM areal loading (mg/cm²). */
  readonly ncmLoading_mg_per_cm2: number;
}

/** What the playground shows. */
export interface PlaygroundResult {
  /** Electrode volume fractions (pores included), in %. */
  readonly volumePercent: {
    readonly ncm: number;
    readonly se: number;
    readonly carbon: number;
    readonly pore: number;
  };
  /** Electrode thickness for the loading (µm). */
  readonly thickness_um: number;
  /** Areal capacity at 200 mAh/g (mAh/cm²). */
  readonly arealCapacity_mAh_per_cm2: number;
  /** Effective ionic conductivity, percolation law of the effective-medium Transport (mS/cm). */
  readonly ionicConductivity_mS_per_cm: number;
  /** Effective electronic conductivity, discharged NCM + carbon network (mS/cm). */
  readonly electronicConductivity_mS_per_cm: number;
}

/** Evaluates the playground for one set of slider values; throws SolidCellError on bad input. */
export function evaluatePlayground(input: PlaygroundInput): PlaygroundResult {
  const densities = referenceDensities(input.carbonShape);
  const solid = solidVolumeFractions(
    { ncm: input.ncm_wtPct, se: input.se_wtPct, carbon: input.carbon_wtPct },
    densities,
  );
  const electrode = electrodeVolumeFractions(solid, input.porosity);
  const arealMass_kg_per_m2 = input.ncmLoading_mg_per_cm2 * 1e-2; // 1 mg/cm² = 0.01 kg/m²
  const specificCapacity_C_per_kg = fromMilliampHoursPerGram(200);
  const thickness_m = thicknessFromNcmArealMass_m(arealMass_kg_per_m2, {
    ncmVolumeFraction: electrode.ncm,
    ncmDensity_kg_per_m3: densities.ncm,
    specificCapacity_C_per_kg,
  });
  const sigma = effectiveConductivities(electrode, input.carbonShape);
  return {
    volumePercent: {
      ncm: 100 * electrode.ncm,
      se: 100 * electrode.se,
      carbon: 100 * electrode.carbon,
      pore: 100 * electrode.pore,
    },
    thickness_um: thickness_m * 1e6,
    arealCapacity_mAh_per_cm2: input.ncmLoading_mg_per_cm2 * 0.2, // 200 mAh/g × mg/cm²
    ionicConductivity_mS_per_cm: sigma.ionic_S_per_m * 10,
    electronicConductivity_mS_per_cm: sigma.electronic_S_per_m * 10,
  };
}
