// Closed-form transport laws fitted to the voxel solves of the particulate-SE, contact-limited
// microstructures, for the cell model and the effective-medium plugin: ionic σ/σ_SE as a function
// of SE and carbon fractions, carbon occupation β and the SE/NCM size ratio; electronic σ as a
// function of NCM and carbon fractions, carbon shape, and the NCM conductivity (lithiation).
import { type CarbonShape, invalidInput } from '@solidcell/core';
import { percolationRatio } from './percolationLaw.js';

/** Ionic law: σ/σ_SE = ((φ_eff − φ_c)/(1 − φ_c))^t, φ_eff = φ_SE − β φ_C, φ_c = φ_c0 + k λ. */
export interface IonicVoxelLaw {
  /** Exponent t (–). */
  readonly exponent: number;
  /** Threshold at vanishing SE/NCM size ratio φ_c0 (vol. fraction). */
  readonly thresholdAtZeroSizeRatio: number;
  /** Slope k of the threshold in the size ratio λ = D50_SE / D50_NCM (–). */
  readonly thresholdPerSizeRatio: number;
  /** Where the coefficients come from. */
  readonly source: string;
}

/** Inputs of {@link ionicConductivityRatio}; fractions of the electrode volume. */
export interface IonicLawInput {
  readonly seVolumeFraction: number;
  readonly carbonVolumeFraction: number;
  /** β: share of the carbon volume inside the SE domain (measured descriptor). */
  readonly carbonInSeDomainFraction: number;
  /** λ = D50_SE / D50_NCM of the powders (–). */
  readonly seToNcmSizeRatio: number;
}

/**
 * Electronic law: σ = a σ_s ((φ_NCM − φ_c,NCM)/(1 − φ_c,NCM))² + σ_C b ((φ_C − φ_c)/(1 − φ_c))²,
 * σ_s = σ_NCM σ_k/(σ_NCM + σ_k): NCM bulk in series with its particle contacts (σ_k).
 */
export interface ElectronicVoxelLaw {
  /** Prefactor a of the NCM network (–). */
  readonly ncmPrefactor: number;
  /** Threshold φ_c,NCM of the NCM network (vol. fraction). */
  readonly ncmThreshold: number;
  /** Contact-limited conductivity σ_k of the NCM network (S/m). */
  readonly ncmContactConductivity_S_per_m: number;
  /** Carbon network per shape: prefactor b (–) and threshold φ_c (vol. fraction). */
  readonly carbon: Readonly<
    Record<CarbonShape, { readonly prefactor: number; readonly threshold: number }>
  >;
  readonly source: string;
}

/** Inputs of {@link electronicConductivity_S_per_m}. */
export interface ElectronicLawInput {
  readonly ncmVolumeFraction: number;
  readonly carbonVolumeFraction: number;
  readonly carbonShape: CarbonShape;
  /** NCM electronic conductivity at the lithiation of interest (S/m). */
  readonly ncmConductivity_S_per_m: number;
  /** Carbon powder-compact conductivity (S/m). */
  readonly carbonConductivity_S_per_m: number;
}

function fraction(field: string, value: number): void {
  if (!(value >= 0 && value <= 1)) invalidInput(field, value, 'a volume fraction 0 ≤ x ≤ 1');
}

/** σ_ion,eff / σ_SE of the voxel law (0 at or below the threshold). */
export function ionicConductivityRatio(input: IonicLawInput, law: IonicVoxelLaw): number {
  fraction('seVolumeFraction', input.seVolumeFraction);
  fraction('carbonVolumeFraction', input.carbonVolumeFraction);
  fraction('carbonInSeDomainFraction', input.carbonInSeDomainFraction);
  if (!(input.seToNcmSizeRatio > 0 && input.seToNcmSizeRatio <= 10)) {
    invalidInput('seToNcmSizeRatio', input.seToNcmSizeRatio, 'a ratio 0 < λ ≤ 10');
  }
  const phi = input.seVolumeFraction - input.carbonInSeDomainFraction * input.carbonVolumeFraction;
  const threshold = Math.max(
    0,
    law.thresholdAtZeroSizeRatio + law.thresholdPerSizeRatio * input.seToNcmSizeRatio,
  );
  return percolationRatio(phi, { exponent: law.exponent, threshold });
}

/** σ_el,eff of the voxel law (S/m); σ_NCM carries the lithiation (contact-limited when high). */
export function electronicConductivity_S_per_m(
  input: ElectronicLawInput,
  law: ElectronicVoxelLaw,
): number {
  fraction('ncmVolumeFraction', input.ncmVolumeFraction);
  fraction('carbonVolumeFraction', input.carbonVolumeFraction);
  for (const key of ['ncmConductivity_S_per_m', 'carbonConductivity_S_per_m'] as const) {
    if (!(input[key] >= 0 && Number.isFinite(input[key]))) {
      invalidInput(key, input[key], 'a finite conductivity ≥ 0 S/m');
    }
  }
  const carbon = law.carbon[input.carbonShape];
  const sigmaNcm = input.ncmConductivity_S_per_m;
  const series =
    (sigmaNcm * law.ncmContactConductivity_S_per_m) /
    (sigmaNcm + law.ncmContactConductivity_S_per_m);
  const ncm =
    Math.max(series, 0) *
    law.ncmPrefactor *
    percolationRatio(input.ncmVolumeFraction, { exponent: 2, threshold: law.ncmThreshold });
  const network =
    input.carbonConductivity_S_per_m *
    carbon.prefactor *
    percolationRatio(input.carbonVolumeFraction, { exponent: 2, threshold: carbon.threshold });
  return ncm + network;
}

/** One voxel result for {@link fitIonicVoxelLaw}. */
export interface IonicLawSample extends IonicLawInput {
  /** σ_ion,eff / σ_SE from the voxel solve; ≤ 0 (not percolating) samples are skipped. */
  readonly relativeConductivity: number;
}

/**
 * Fits t, φ_c0 and k of {@link IonicVoxelLaw} by least squares in log space: a grid over
 * (φ_c0, k) keeping φ_c below every sample's φ_eff, with the optimal t in closed form.
 *
 * @throws SolidCellError `E_INVALID_INPUT` with fewer than 3 percolating samples.
 */
export function fitIonicVoxelLaw(
  samples: readonly IonicLawSample[],
  source: string,
): IonicVoxelLaw & { readonly rmsLogError: number; readonly samplesUsed: number } {
  const used = samples
    .filter((s) => s.relativeConductivity > 0)
    .map((s) => ({
      phi: s.seVolumeFraction - s.carbonInSeDomainFraction * s.carbonVolumeFraction,
      lambda: s.seToNcmSizeRatio,
      y: Math.log(s.relativeConductivity),
    }));
  if (used.length < 3) invalidInput('samples', used.length, 'at least 3 percolating samples');
  let best = { exponent: 0, a: 0, k: 0, sse: Number.POSITIVE_INFINITY };
  const steps = 80;
  for (let i = 0; i <= steps; i++) {
    const a = (0.3 * i) / steps;
    for (let j = -steps; j <= steps; j++) {
      const k = (0.5 * j) / steps;
      let ay = 0;
      let aa = 0;
      let feasible = true;
      for (const s of used) {
        const threshold = Math.max(0, a + k * s.lambda);
        if (!(s.phi > threshold)) {
          feasible = false;
          break;
        }
        const x = Math.log((s.phi - threshold) / (1 - threshold));
        ay += x * s.y;
        aa += x * x;
      }
      if (!feasible || aa === 0) continue;
      const exponent = ay / aa;
      let sse = 0;
      for (const s of used) {
        const threshold = Math.max(0, a + k * s.lambda);
        sse += (s.y - exponent * Math.log((s.phi - threshold) / (1 - threshold))) ** 2;
      }
      if (sse < best.sse) best = { exponent, a, k, sse };
    }
  }
  return {
    exponent: best.exponent,
    thresholdAtZeroSizeRatio: best.a,
    thresholdPerSizeRatio: best.k,
    source,
    rmsLogError: Math.sqrt(best.sse / used.length),
    samplesUsed: used.length,
  };
}

/**
 * Ionic law fitted to the voxel solves of the paper's eight electrodes (SolidCell 0.x, issue 16
 * generator: particulate SE D50 3 µm, NCM D50 10 µm, λ = 0.3; 96³ at 0.25 µm, porosity 0.1,
 * seeds 1–3, x axis, 25 °C, SE grain boundaries at their default): 24 solves, 22 percolating,
 * φ_eff = φ_SE − β φ_C with the measured β. Least squares in log space ({@link fitIonicVoxelLaw}):
 * t = 1.99, φ_c = 0 (the fit puts the threshold at its lower bound), rms log error 0.74 — the
 * seed spread near the threshold is of that order, and two samples (90/10/0 SC seed 1, dry CF
 * seed 1, φ_eff 0.17–0.20) do not percolate at all in a 24 µm box. Refitted after the ionic
 * sub-voxel carbon rule changed to the differential medium (SE as matrix): the SC electrodes
 * gained 9–38 % in σ_ion (t 2.05 → 1.98, rms 0.69 → 0.73); the staircase factor on grain
 * boundaries then took 1–2 % off (t 1.99, rms 0.74). The size-ratio slope is 0: all samples
 * share λ = 0.3, and a sweep over D50_SE/D50_NCM = 0.15, 0.3, 0.6 (64³ at 0.375 µm, two seeds)
 * showed no consistent trend in σ; the seed spread was larger than the effect, so the law carries
 * λ without a fitted dependence.
 */
export const VOXEL_IONIC_LAW: IonicVoxelLaw = {
  exponent: 1.99,
  thresholdAtZeroSizeRatio: 0,
  thresholdPerSizeRatio: 0,
  source:
    'fit to 24 voxel solves of the eight paper electrodes, 96³ × 0.25 µm, seeds 1–3 (issue 16, differential-medium sub-voxel carbon, staircase-corrected boundaries); size-ratio slope not resolved',
};

/**
 * Electronic law fitted to voxel solves (issue 16 generator and contact defaults, 25 °C, x axis):
 * - NCM network: carbon-free electrodes at 96³ × 0.25 µm (80/20, 90/10 seeds 1–3, 93/7 wt%), σ/σ_NCM
 *   = 0.082, 0.36, 0.43 at φ_NCM = 0.55, 0.70, 0.76 (σ_NCM = 1e-3 S/m) → a = 1.32, φ_c,NCM = 0.40
 *   (rms log error 0.05); at σ_NCM = 1 S/m (charged) 90/10 (seed 1, porosity 0.1) gives
 *   0.096 S/m, 3.4× below linear scaling: the NCM–NCM contacts (1e-5 Ω m²) in series,
 *   σ_k = 0.41 S/m (0.123 S/m and σ_k = 0.6 before the contact faces carried the staircase
 *   factor of the boundary, which raised the contact resistance of oblique contacts 1.5× on
 *   average).
 * - carbon black (500 S/m): 80/17/3, 85/12/3, 90/8/2, 90/7/3 wt%, seeds 1–3 (12 solves): b = 0.35,
 *   φ_c = 0.056 (rms log error 0.69; 90/9/1, φ_C = 0.053, sits at the threshold: σ_el ≈ NCM only).
 * - carbon fibre (8e3 S/m): 90/9/1, 90/8/2, 90/7/3 at 64³ × 0.375 µm (seeds 1–2) and dry 1 wt% at
 *   96³ (seeds 1–3): b = 0.35, φ_c = 0.016 (≈ 0.7 d/L of parameters.md §6.2), rms log error 1.9 —
 *   at 1 wt% the fibres percolate in some seeds only (dry CF 96³: 0.002, 0.40, 0.28 S/m).
 */
export const VOXEL_ELECTRONIC_LAW: ElectronicVoxelLaw = {
  ncmPrefactor: 1.32,
  ncmThreshold: 0.4,
  ncmContactConductivity_S_per_m: 0.41,
  carbon: {
    spherical: { prefactor: 0.35, threshold: 0.056 },
    fiber: { prefactor: 0.35, threshold: 0.016 },
  },
  source:
    'fit to voxel solves of carbon-free, SC and CF electrodes (issue 16 generator, contact defaults, 25 °C)',
};
