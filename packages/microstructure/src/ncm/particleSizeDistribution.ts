// Log-normal NCM secondary-particle size distribution from D50 and span.
import { invalidInput, type Random } from '@solidcell/core';

/** z-score of the 90th percentile of the standard normal distribution. */
const Z90 = 1.2815515655446004;

/**
 * Log-normal shape parameter σ (of ln D) for a span (D90 − D10)/D50.
 *
 * @remarks
 * For a log-normal, D10 = D50 e^(−z σ), D90 = D50 e^(z σ) with z = 1.2816, so
 * span = 2 sinh(z σ) and σ = asinh(span/2)/z. A span of 0 gives monodisperse particles.
 */
export function logNormalSigmaFromSpan(span: number): number {
  if (!Number.isFinite(span) || span < 0 || span > 5) {
    invalidInput('ncmParticles.span', span, 'a finite number 0 ≤ x ≤ 5');
  }
  return Math.asinh(span / 2) / Z90;
}

/**
 * Samples NCM radii (m) until their summed sphere volume reaches `totalVolume_m3`.
 *
 * @param d50_m - median diameter (m).
 * @param span - (D90 − D10)/D50.
 * @param maxRadius_m - radii are truncated at this value (e.g. a third of the box edge).
 * @returns radii sorted from largest to smallest.
 */
export function sampleRadii(
  random: Random,
  d50_m: number,
  span: number,
  totalVolume_m3: number,
  maxRadius_m: number,
): number[] {
  const sigma = logNormalSigmaFromSpan(span);
  const mu = Math.log(d50_m / 2);
  const radii: number[] = [];
  let volume = 0;
  const minRadius_m = d50_m / 20;
  while (volume < totalVolume_m3) {
    const radius = Math.min(maxRadius_m, Math.max(minRadius_m, random.nextLogNormal(mu, sigma)));
    radii.push(radius);
    volume += (4 / 3) * Math.PI * radius ** 3;
  }
  return radii.sort((a, b) => b - a);
}
