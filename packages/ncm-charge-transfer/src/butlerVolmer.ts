// Butler–Volmer kinetics and the implicit film-resistance relation j = BV(η_total − j R_film),
// solved by a bracketed, safeguarded Newton iteration (shared/physics/model.md §3, parameters.md §7.2).
import { FARADAY_C_per_mol, GAS_CONSTANT_J_per_mol_K, SolidCellError } from '@solidcell/core';

/** Kinetic state of one interface for {@link butlerVolmerCurrentDensity_A_per_m2}. */
export interface ButlerVolmerKinetics {
  /** Exchange current density i₀ (A/m²), ≥ 0. */
  readonly exchangeCurrentDensity_A_per_m2: number;
  /** Anodic transfer coefficient α_a (–), > 0. */
  readonly anodicTransferCoefficient: number;
  /** Cathodic transfer coefficient α_c (–), > 0. */
  readonly cathodicTransferCoefficient: number;
  /** Temperature (K), > 0. */
  readonly temperature_K: number;
}

/**
 * Largest exponent evaluated exactly; above it the exponential continues linearly (C¹, monotone,
 * finite). With α = 0.5 at 25 °C this is an overpotential of ≈ 10.3 V, far outside any physical
 * operating point, so it only guards Newton iterates of a caller against overflow to ∞.
 */
export const MAX_EXACT_EXPONENT = 200;

const EXP_AT_MAX = Math.exp(MAX_EXACT_EXPONENT);

/** exp(a) − 1, accurate near 0 (expm1) and continued linearly above MAX_EXACT_EXPONENT. */
function cappedExpm1(argument: number): number {
  return argument <= MAX_EXACT_EXPONENT
    ? Math.expm1(argument)
    : EXP_AT_MAX * (1 + argument - MAX_EXACT_EXPONENT) - 1;
}

function cappedExpSlope(argument: number): number {
  return argument <= MAX_EXACT_EXPONENT ? Math.exp(argument) : EXP_AT_MAX;
}

/** F/(RT) (1/V). */
export function inverseThermalVoltage_per_V(temperature_K: number): number {
  return FARADAY_C_per_mol / (GAS_CONSTANT_J_per_mol_K * temperature_K);
}

/**
 * Butler–Volmer current density j = i₀ [exp(α_a F η/RT) − exp(−α_c F η/RT)] (A/m², anodic > 0)
 * for the charge-transfer overpotential η (V) across the interface itself (film drop excluded).
 * Evaluated as i₀ [expm1(α_a F η/RT) − expm1(−α_c F η/RT)] so it keeps full relative precision
 * for |η| ≪ RT/F.
 */
export function butlerVolmerCurrentDensity_A_per_m2(
  overpotential_V: number,
  kinetics: ButlerVolmerKinetics,
): number {
  const f = inverseThermalVoltage_per_V(kinetics.temperature_K);
  return (
    kinetics.exchangeCurrentDensity_A_per_m2 *
    (cappedExpm1(kinetics.anodicTransferCoefficient * f * overpotential_V) -
      cappedExpm1(-kinetics.cathodicTransferCoefficient * f * overpotential_V))
  );
}

/** d j/d η (A/(m² V)) of {@link butlerVolmerCurrentDensity_A_per_m2}; ≥ 0. */
export function butlerVolmerSlope_A_per_m2_V(
  overpotential_V: number,
  kinetics: ButlerVolmerKinetics,
): number {
  const f = inverseThermalVoltage_per_V(kinetics.temperature_K);
  const aa = kinetics.anodicTransferCoefficient;
  const ac = kinetics.cathodicTransferCoefficient;
  return (
    kinetics.exchangeCurrentDensity_A_per_m2 *
    f *
    (aa * cappedExpSlope(aa * f * overpotential_V) + ac * cappedExpSlope(-ac * f * overpotential_V))
  );
}

/** Solution of the film relation at one interface. */
export interface FilmCurrentSolution {
  /** Charge-transfer current density j (A/m², anodic > 0). */
  readonly currentDensity_A_per_m2: number;
  /** d j / d η_total (A/(m² V)) including the film: BV'/(1 + R BV'); ≥ 0. */
  readonly slope_A_per_m2_V: number;
  /** Overpotential across the interface itself, η_ct = η_total − j R_film (V). */
  readonly chargeTransferOverpotential_V: number;
  /** Newton/bisection iterations used (0 when R_film = 0). */
  readonly iterations: number;
}

/** Iteration cap of {@link solveFilmCurrent}; bisection alone reaches double precision in ~1100. */
export const FILM_SOLVER_MAX_ITERATIONS = 2000;

function solution(
  etaCt: number,
  kinetics: ButlerVolmerKinetics,
  resistance: number,
  iterations: number,
): FilmCurrentSolution {
  const slope = butlerVolmerSlope_A_per_m2_V(etaCt, kinetics);
  return {
    currentDensity_A_per_m2: butlerVolmerCurrentDensity_A_per_m2(etaCt, kinetics),
    slope_A_per_m2_V: resistance === 0 ? slope : slope / (1 + resistance * slope),
    chargeTransferOverpotential_V: etaCt,
    iterations,
  };
}

/**
 * Solves j = BV(η_total − j R_film) for j.
 *
 * @remarks
 * Unknown: η_ct. h(η_ct) = η_ct + R BV(η_ct) − η_total is strictly increasing, so the root is
 * unique and lies between 0 and η_total; the bound i₀(exp(α F|η_ct|/RT) − 1) ≤ |BV| ≤ |η_total|/R
 * tightens the bracket. Newton steps that leave the bracket are replaced by bisection, so the
 * iteration always converges (to a bracket of a few ulps). Exact (no iteration) for R_film = 0,
 * i₀ = 0 or η_total = 0. j is returned as BV(η_ct), consistent with the Butler–Volmer law.
 * @param totalOverpotential_V - η_total = φ_s − φ_e − U (V).
 * @param kinetics - i₀, α_a, α_c, T.
 * @param filmResistance_ohm_m2 - R_film (Ω m²), ≥ 0.
 * @throws SolidCellError `E_SOLVER_NOT_CONVERGED` if the cap of iterations is hit (not expected).
 */
export function solveFilmCurrent(
  totalOverpotential_V: number,
  kinetics: ButlerVolmerKinetics,
  filmResistance_ohm_m2: number,
): FilmCurrentSolution {
  const eta = totalOverpotential_V;
  const resistance = filmResistance_ohm_m2;
  const i0 = kinetics.exchangeCurrentDensity_A_per_m2;
  if (resistance === 0 || i0 === 0 || eta === 0) return solution(eta, kinetics, resistance, 0);

  const f = inverseThermalVoltage_per_V(kinetics.temperature_K);
  const anodic = eta > 0;
  const alpha = anodic ? kinetics.anodicTransferCoefficient : kinetics.cathodicTransferCoefficient;
  // i₀(exp(α f |η_ct|) − 1) ≤ |BV(η_ct)| ≤ |η|/R bounds |η_ct|; valid only where exp is exact.
  const boundExponent = Math.log1p(Math.abs(eta) / (resistance * i0));
  const bound =
    boundExponent <= MAX_EXACT_EXPONENT ? boundExponent / (alpha * f) : Number.POSITIVE_INFINITY;
  let lo = anodic ? 0 : Math.max(eta, -bound);
  let hi = anodic ? Math.min(eta, bound) : 0;
  const residual = (etaCt: number): number =>
    etaCt + resistance * butlerVolmerCurrentDensity_A_per_m2(etaCt, kinetics) - eta;

  let x = anodic ? hi : lo;
  for (let iteration = 1; iteration <= FILM_SOLVER_MAX_ITERATIONS; iteration += 1) {
    const h = residual(x);
    if (h === 0) return solution(x, kinetics, resistance, iteration);
    if (h > 0) hi = x;
    else lo = x;
    const middle = 0.5 * (lo + hi);
    const exhausted = middle <= lo || middle >= hi;
    if (exhausted || hi - lo <= 4 * Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi))) {
      return solution(x, kinetics, resistance, iteration);
    }
    const derivative = 1 + resistance * butlerVolmerSlope_A_per_m2_V(x, kinetics);
    const newton = x - h / derivative;
    if (Math.abs(newton - x) <= 2 * Number.EPSILON * Math.abs(x)) {
      return solution(x, kinetics, resistance, iteration);
    }
    x = newton > lo && newton < hi ? newton : middle;
  }
  throw new SolidCellError(
    'E_SOLVER_NOT_CONVERGED',
    `film relation j = BV(η − j R) did not converge in ${FILM_SOLVER_MAX_ITERATIONS} iterations ` +
      `(η_total = ${eta} V, R_film = ${resistance} Ω m², i0 = ${i0} A/m², T = ${kinetics.temperature_K} K)`,
    { field: 'totalOverpotential_V', value: eta },
  );
}
