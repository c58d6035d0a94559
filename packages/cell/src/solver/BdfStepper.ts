// Variable-step, variable-order BDF integrator (orders 1–5) with Newton iterations on the full
// DAE, a banded direct solve (particle shells condensed) with factorisation reuse inside a step,
// predictor-based local error estimates and order selection.
import { invalidInput, SolidCellError } from '@solidcell/core';
import type { CellModel } from '../model/CellModel.js';
import type { FactorableMatrix } from '../numerics/FactorableMatrix.js';
import {
  correctorCoefficients,
  dividedDifferenceWeights,
  errorConstant,
  extrapolationWeights,
} from './BdfFormulas.js';

/** Counters of the integrator's work. */
export interface StepperStatistics {
  acceptedSteps: number;
  rejectedSteps: number;
  newtonIterations: number;
  jacobianEvaluations: number;
  /** Accepted steps taken at each order: element k − 1 counts order k. */
  acceptedStepsByOrder: number[];
}

/** What {@link BdfStepper.saveHistory} returns. */
export interface StepperHistory {
  readonly length: number;
  readonly order: number;
  readonly stepsAtOrder: number;
}

/** Outcome of one trial step. */
export interface TrialResult {
  /** Newton converged. */
  readonly converged: boolean;
  /** Weighted RMS local error estimate (≤ 1 passes), NaN when no estimate is available. */
  readonly error: number;
}

/**
 * Newton stops when the weighted RMS update is below this fraction of the local error
 * tolerance (tight, because the side-reaction current is the only non-linear term of the
 * charge balance and its residual is the conservation error).
 */
const NEWTON_TOLERANCE = 0.05;

/**
 * Largest charge imbalance |I − ∫ (a j + i_side) dx| of an accepted state, as a fraction of the
 * absolute tolerance of the current (rtol × 1C): keeps the Li balance closed to ≈ 1e-8 of 1C.
 */
const CHARGE_BALANCE_TOLERANCE = 1e-4;
/** Extra solves {@link BdfStepper} may spend on the charge balance before it rejects a step. */
const MAX_POLISH_ITERATIONS = 4;

/** Highest BDF order (BDF6 and above are not zero-stable). */
export const MAX_BDF_ORDER = 5;
/**
 * Largest step growth per accepted step (variable-step BDF2 is zero-stable only for ratios below
 * 1 + √2 and higher orders need smooth step sequences; a 10× growth at order 1 saved 8 % of the
 * steps of a rate test but doubled its 1C/2C capacity error at rtol 1e-4).
 */
const MAX_STEP_GROWTH = 2;
/** Smallest step ratio after an error-test failure or any accepted step. */
const MIN_STEP_RATIO = 0.2;
/**
 * Shares of the distance to a bound that a Newton update may cover when it would cross the bound
 * (–): the first until a time step's Newton fails, the second from then on until the next
 * protocol step (restart). 0.9 alone let an overshooting update put an NCM surface within 1e-7
 * of c_max in three iterations, where i₀ ∝ √(x(1 − x)) has almost vanished and its slope
 * diverges; Newton then cycled on that node's interface current and the step size collapsed
 * (issue 21 item 12, seed-3 survey: 2 carbon-fibre charges and a coarse-mesh charge). 0.5 alone
 * solves those but lost 4 survey runs that 0.9 solved; the switch solves all 7.
 */
const BOUND_APPROACHES = [0.9, 0.5] as const;

/** Step ratio after a Newton failure. */
const NEWTON_FAILURE_RATIO = 0.25;

/** Scalar integrals carried with the state and integrated with the same BDF formula. */
export const INTEGRAL_COUNT = 2;
/** Index of the passed charge ∫ I dt (C/m², > 0 charging). */
export const CHARGE = 0;
/** Index of the side-reaction charge ∫ Σ h i_side dt (C/m²). */
export const SIDE_CHARGE = 1;

/**
 * Time stepper for a {@link CellModel}.
 *
 * @remarks
 * After every control change call {@link BdfStepper.restart}: it solves the algebraic
 * unknowns consistently (differential ones frozen) and drops the history, so the next step is
 * BDF1. The order then moves between 1 and `maxOrder` (default {@link MAX_BDF_ORDER}): after
 * k + 1 steps at order k the local errors of orders k − 1, k and k + 1 are estimated from
 * divided differences of the accepted states and the order that allows the largest next step
 * wins. The formulas are the variable-coefficient
 * (Lagrange) BDF: Σ_j α_j y_{n+1−j} = h f(y_{n+1}) with α_j = h ℓ_j′(t_{n+1}) over the actual
 * past times. The passed charge and the side-reaction charge are integrated with the same
 * formula as the Li inventory, so the linear invariant F·n_Li + Q − Q_side is preserved exactly
 * up to the Newton residual.
 */
export class BdfStepper {
  /** Accepted state at {@link BdfStepper.time_s}. */
  public readonly y: Float64Array;
  /** Trial state after {@link BdfStepper.attempt}. */
  public readonly trial: Float64Array;
  /** Accepted integrals (see {@link CHARGE}, {@link SIDE_CHARGE}). */
  public readonly integrals = new Float64Array(INTEGRAL_COUNT);
  /** Integrals of the trial state. */
  public readonly trialIntegrals = new Float64Array(INTEGRAL_COUNT);
  /** Time of the accepted state (s). */
  public time_s = 0;
  /** Work counters. */
  public readonly statistics: StepperStatistics = {
    acceptedSteps: 0,
    rejectedSteps: 0,
    newtonIterations: 0,
    jacobianEvaluations: 0,
    acceptedStepsByOrder: [],
  };

  private readonly model: CellModel;
  private readonly matrix: FactorableMatrix;
  /** Past accepted states before {@link BdfStepper.y}, newest first. */
  private readonly older: Float64Array[] = [];
  private readonly olderTimes: Float64Array;
  private readonly olderIntegrals: Float64Array[] = [];
  private readonly predictor: Float64Array;
  private readonly residual: Float64Array;
  private readonly delta: Float64Array;
  private readonly yOld: Float64Array;
  private factorValid = false;
  private updateNorm = 0;
  private updateClipped = false;
  /** Index into {@link BOUND_APPROACHES} of the share the projection uses now (1 after a Newton failure). */
  private boundApproach = 0;
  private readonly result = { converged: false, error: Number.NaN };
  private readonly integralRates = new Float64Array(INTEGRAL_COUNT);
  /** Accepted states available as BDF nodes (1 after a restart). */
  private history = 1;
  private currentOrder = 1;
  private stepsAtOrder = 0;
  private consecutiveRejections = 0;
  private stepRatio = 1;
  private trialStep = 0;
  private trialOrder = 1;
  /** τ_j = t_{n+1−j} − t_{n+1} of the last attempt. */
  private readonly offsets: Float64Array;
  private readonly alpha: Float64Array;
  private readonly weights: Float64Array;
  private readonly relTol: number;
  private readonly maxNewton: number;
  private readonly maxOrder: number;

  /**
   * @param maxOrder - highest BDF order, 1 … {@link MAX_BDF_ORDER}.
   */
  public constructor(
    model: CellModel,
    relativeTolerance: number,
    maxNewtonIterations: number,
    maxOrder: number = MAX_BDF_ORDER,
  ) {
    if (!Number.isInteger(maxOrder) || maxOrder < 1 || maxOrder > MAX_BDF_ORDER) {
      invalidInput('solver.maxOrder', maxOrder, `an integer 1 ≤ k ≤ ${MAX_BDF_ORDER}`);
    }
    this.model = model;
    this.matrix = model.createMatrix();
    const n = model.size;
    this.maxOrder = maxOrder;
    this.statistics.acceptedStepsByOrder = new Array<number>(maxOrder).fill(0);
    this.y = new Float64Array(n);
    this.trial = new Float64Array(n);
    for (let j = 0; j <= maxOrder; j++) {
      this.older.push(new Float64Array(n));
      this.olderIntegrals.push(new Float64Array(INTEGRAL_COUNT));
    }
    this.olderTimes = new Float64Array(maxOrder + 1);
    this.offsets = new Float64Array(maxOrder + 3);
    this.alpha = new Float64Array(maxOrder + 1);
    this.weights = new Float64Array(maxOrder + 3);
    this.predictor = new Float64Array(n);
    this.residual = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.yOld = new Float64Array(n);
    this.relTol = relativeTolerance;
    this.maxNewton = maxNewtonIterations;
    model.initialState(this.y);
  }

  private weight(i: number, value: number): number {
    return 1 / (this.model.absoluteTolerance[i]! + this.relTol * Math.abs(value));
  }

  private failNonFinite(where: string): never {
    throw new SolidCellError(
      'E_SOLVER_NON_FINITE',
      `non-finite values in the cell state during ${where} at t = ${this.time_s} s (step ${this.statistics.acceptedSteps}, voltage ${this.model.voltageVsLiIn_V(this.y)} V vs Li-In, current ${this.y[this.model.currentIndex]} A/m²)`,
    );
  }

  /**
   * Newton iterations on F(y) = 0 starting from `y`; returns whether it converged.
   * `freshEachIteration` recomputes the Jacobian every iteration (initialisation).
   */
  private newton(y: Float64Array, time_s: number, maxIter: number, fresh: boolean): boolean {
    const model = this.model;
    const n = model.size;
    const res = this.residual;
    const d = this.delta;
    const yOld = this.yOld;
    let previousNorm = Number.POSITIVE_INFINITY;
    let previousResidual = Number.POSITIVE_INFINITY;
    // Every solve starts from a fresh Jacobian and keeps its factors while Newton contracts:
    // reusing one across steps (re-factorised at the new α₀/h) contracted at ≈ 0.45 per
    // iteration and saved no time (BENCHMARKS.md).
    let haveFactor = false;
    let lambda = 1;
    let backtracks = 0;
    const stepAttempt = !fresh;
    for (let iter = 0; iter < maxIter + 12; iter++) {
      const needJac = !haveFactor || fresh;
      model.evaluate(y, time_s, res, needJac ? this.matrix : null);
      let rr = 0;
      for (let i = 0; i < n; i++) rr += res[i]! * res[i]!;
      if (!Number.isFinite(rr)) rr = Number.POSITIVE_INFINITY;
      // Backtracking line search on ‖F‖ (kinks in plugin laws, e.g. clamped i₀, otherwise
      // make plain Newton cycle).
      if (rr > previousResidual && backtracks < 12 && lambda > 1 / 256) {
        lambda *= 0.5;
        backtracks++;
        this.applyUpdate(y, yOld, lambda);
        continue;
      }
      if (rr === Number.POSITIVE_INFINITY) return false;
      if (iter - backtracks >= maxIter) return false;
      previousResidual = rr;
      if (needJac) {
        this.statistics.jacobianEvaluations++;
        this.factorValid = false;
        if (this.matrix.factor() !== 0) return false;
        haveFactor = true;
        this.factorValid = !model.initialise;
      }
      this.statistics.newtonIterations++;
      d.set(res);
      this.matrix.solve(d);
      for (let i = 0; i < n; i++) if (!Number.isFinite(d[i]!)) return false;
      // Damp potential jumps larger than 0.5 V (far-from-solution initial guesses).
      let maxPhi = 0;
      for (let i = 0; i < model.ns; i++) maxPhi = Math.max(maxPhi, Math.abs(d[i]!));
      for (let e = 0; e < model.ne; e++) {
        const b = model.nodeOffset(e);
        maxPhi = Math.max(maxPhi, Math.abs(d[b]!), Math.abs(d[b + 1]!));
      }
      const damping = maxPhi > 0.5 ? 0.5 / maxPhi : 1;
      yOld.set(y);
      lambda = damping;
      this.applyUpdate(y, yOld, lambda);
      const norm = this.updateNorm;
      const clipped = this.updateClipped;
      if (!Number.isFinite(norm)) return false;
      // Converged when this update, or the error left in the new iterate estimated from the
      // observed contraction rate (geometric series), is below the tolerance.
      const rate = norm / previousNorm; // 0 on the first iteration: no rate observed yet
      const remaining = rate > 0 && rate < 1 ? (norm * rate) / (1 - rate) : norm;
      if (damping === 1 && !clipped && Math.min(norm, remaining) <= NEWTON_TOLERANCE) return true;
      if (iter >= 2 && norm > 0.9 * previousNorm) {
        // Slow or diverging with a stale Jacobian: refresh from now on. If full Newton grows an
        // update that is still larger than the error tolerance, a time step has no solution
        // near its predictor (typically a step past the end of discharge): fail now, a smaller
        // step is cheaper than more iterations. (Small non-contracting updates are kinks in
        // plugin laws near the solution; the line search gets through them.)
        if (!fresh) {
          haveFactor = false;
          fresh = true;
        } else if (stepAttempt && needJac && norm > previousNorm && norm > 1) {
          return false;
        }
      }
      previousNorm = norm;
    }
    return false;
  }

  /**
   * y = yOld − λ δ with projection: bounded unknowns (concentrations in [0, c_max], side states
   * ≥ their minimum) move at most a share ({@link BOUND_APPROACHES}) of the way to a bound; a variable pinned
   * at its bound stays there.
   */
  private applyUpdate(y: Float64Array, yOld: Float64Array, lambda: number): void {
    const model = this.model;
    const n = model.size;
    const d = this.delta;
    const lower = model.lowerBound;
    const upper = model.upperBound;
    const approach = BOUND_APPROACHES[this.boundApproach]!;
    let sum = 0;
    let clipped = false;
    for (let i = 0; i < n; i++) {
      const old = yOld[i]!;
      let next = old - lambda * d[i]!;
      if (next > upper[i]!) {
        next = old >= upper[i]! ? upper[i]! : old + approach * (upper[i]! - old);
        if (old < upper[i]!) clipped = true;
      } else if (next < lower[i]!) {
        next = old <= lower[i]! ? lower[i]! : old - approach * (old - lower[i]!);
        if (old > lower[i]!) clipped = true;
      }
      y[i] = next;
      const w = (next - old) * this.weight(i, next);
      sum += w * w;
    }
    this.updateNorm = Math.sqrt(sum / n);
    this.updateClipped = clipped;
  }

  /**
   * Drops the history and solves the algebraic unknowns for the current control at the current
   * time, keeping the differential unknowns (concentrations, side states) fixed.
   *
   * @throws SolidCellError `E_SOLVER_NOT_CONVERGED` if the consistent initialisation fails.
   */
  public restart(): void {
    const model = this.model;
    this.boundApproach = 0;
    const saved = Float64Array.from(this.y);
    const present = this.y[model.currentIndex]!;
    if (model.mode === 'current' && present * model.setPoint(this.time_s) < 0) {
      model.zeroOverpotentials(this.y); // current reversal: start from equilibrium
    }
    let ok = this.solveAlgebraic();
    if (!ok) {
      // Homotopy: ramp the set point from the present value of the controlled quantity to the
      // target in 8, then 64 increments (large current jumps at a depleted particle surface).
      const target = model.setPoint;
      model.evaluate(saved, this.time_s, this.residual, null);
      const start =
        model.mode === 'current' ? saved[model.currentIndex]! : model.voltageVsLiIn_V(saved);
      for (const increments of [8, 64]) {
        this.y.set(saved);
        ok = true;
        for (let k = 1; k <= increments && ok; k++) {
          const s = k / increments;
          model.setPoint = (t: number) => start + s * (target(t) - start);
          ok = this.solveAlgebraic();
        }
        model.setPoint = target;
        if (ok) break;
      }
    }
    if (!ok) {
      for (let i = 0; i < this.y.length; i++) {
        if (!Number.isFinite(this.y[i]!)) {
          this.y.set(saved);
          this.failNonFinite('initialisation');
        }
      }
      this.y.set(saved);
      throw new SolidCellError(
        'E_SOLVER_NOT_CONVERGED',
        `consistent initialisation did not converge at t = ${this.time_s} s (step ${this.statistics.acceptedSteps}; mode ${model.mode}, set point ${model.setPoint(this.time_s)})`,
      );
    }
    // Refresh the node outputs (side currents, conductivities) at the converged state.
    model.evaluate(this.y, this.time_s, this.residual, null);
    this.history = 1;
    this.currentOrder = 1;
    this.stepsAtOrder = 0;
    this.factorValid = false;
  }

  /** One consistent-initialisation solve (differential unknowns frozen). */
  private solveAlgebraic(): boolean {
    const model = this.model;
    model.initialise = true;
    model.psi.set(this.y);
    const ok = this.newton(this.y, this.time_s, 60, true);
    model.initialise = false;
    return ok;
  }

  /** The history bookkeeping, to restore after a probing {@link BdfStepper.restart}. */
  public saveHistory(): StepperHistory {
    return { length: this.history, order: this.currentOrder, stepsAtOrder: this.stepsAtOrder };
  }

  /** Restores what {@link BdfStepper.saveHistory} returned (the past states are untouched). */
  public restoreHistory(saved: StepperHistory): void {
    this.history = saved.length;
    this.currentOrder = saved.order;
    this.stepsAtOrder = saved.stepsAtOrder;
  }

  /** Order that the next attempt will use (1 … maxOrder, limited by the history). */
  public get order(): number {
    return Math.max(1, Math.min(this.currentOrder, this.history - 1));
  }

  /**
   * Factor for the next step size after {@link BdfStepper.accept} or
   * {@link BdfStepper.reject}: the largest step the error estimates of the orders around the
   * present one allow (safety 0.9), limited to 0.2 … 2, and to ≤ 1 right after a rejection;
   * 0.25 after a Newton failure.
   */
  public get suggestedStepRatio(): number {
    return this.stepRatio;
  }

  /** Time of past node j ≥ 1 (1 = the accepted state). */
  private nodeTime(j: number): number {
    return j === 1 ? this.time_s : this.olderTimes[j - 2]!;
  }

  /** State of past node j ≥ 1 (1 = the accepted state). */
  private nodeState(j: number): Float64Array {
    return j === 1 ? this.y : this.older[j - 2]!;
  }

  /** Integrals of past node j ≥ 1. */
  private nodeIntegrals(j: number): Float64Array {
    return j === 1 ? this.integrals : this.olderIntegrals[j - 2]!;
  }

  /**
   * Attempts one step of size h from the accepted state into {@link BdfStepper.trial}.
   * Nothing is committed; call {@link BdfStepper.accept} to keep the trial.
   */
  public attempt(h: number): TrialResult {
    const model = this.model;
    const n = model.size;
    const y = this.y;
    const order = this.order;
    const t = this.time_s + h;
    const offsets = this.offsets;
    const nodes = Math.min(this.history, this.maxOrder + 2);
    offsets[0] = 0;
    for (let j = 1; j <= nodes; j++) offsets[j] = this.nodeTime(j) - t;
    const alpha = this.alpha;
    correctorCoefficients(offsets, order, h, alpha);
    const a0 = alpha[0]!;
    model.cdt = a0 / h;
    const psi = model.psi;
    psi.fill(0);
    for (let j = 1; j <= order; j++) {
      const state = this.nodeState(j);
      const c = -alpha[j]! / a0;
      for (let i = 0; i < n; i++) psi[i] = psi[i]! + c * state[i]!;
    }
    const pred = this.predictor;
    if (this.history === 1) {
      pred.set(y);
    } else {
      const w = this.weights;
      extrapolationWeights(offsets, order, w);
      pred.fill(0);
      for (let j = 1; j <= order + 1; j++) {
        const state = this.nodeState(j);
        const c = w[j]!;
        for (let i = 0; i < n; i++) pred[i] = pred[i]! + c * state[i]!;
      }
      // Keep the predictor inside the bounds (extrapolation can leave [0, c_max]).
      const lower = model.lowerBound;
      const upper = model.upperBound;
      for (let i = 0; i < n; i++) {
        if (pred[i]! > upper[i]! || pred[i]! < lower[i]!) pred[i] = y[i]!;
      }
    }
    const trial = this.trial;
    trial.set(pred);
    this.trialStep = h;
    this.trialOrder = order;
    if (!this.newton(trial, t, this.maxNewton, false)) {
      this.boundApproach = 1;
      return this.report(false, Number.NaN);
    }
    // Refresh node outputs at the converged state and integrate the scalar integrals.
    model.evaluate(trial, t, this.residual, null);
    if (!this.polishChargeBalance(trial, t)) return this.report(false, Number.NaN);
    const rates = this.integralRates;
    rates[CHARGE] = trial[model.currentIndex]!;
    rates[SIDE_CHARGE] = model.sideCurrentDensity_A_per_m2();
    for (let c = 0; c < INTEGRAL_COUNT; c++) {
      let sum = h * rates[c]!;
      for (let j = 1; j <= order; j++) sum -= alpha[j]! * this.nodeIntegrals(j)[c]!;
      this.trialIntegrals[c] = sum / a0;
    }
    if (this.history < 2) return this.report(true, Number.NaN);
    // trial − predictor = y[τ_0 … τ_{k+1}] · Π_{j=1..k+1} H_j
    let scale = errorConstant(offsets, order);
    for (let j = 1; j <= order + 1; j++) scale /= -offsets[j]!;
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (model.inErrorNorm[i] === 0) continue;
      const e = scale * (trial[i]! - pred[i]!) * this.weight(i, trial[i]!);
      sum += e * e;
      count++;
    }
    return this.report(true, Math.sqrt(sum / Math.max(1, count)));
  }

  /**
   * Weighted RMS local error the order-q corrector would have made on the trial step, from the
   * divided difference over the trial and the q + 1 newest past states.
   */
  private errorAtOrder(q: number): number {
    const model = this.model;
    const n = model.size;
    const w = this.weights;
    dividedDifferenceWeights(this.offsets, q + 2, w);
    const c = errorConstant(this.offsets, q);
    const trial = this.trial;
    // The divided difference, node by node (Newton's scratch vector is free after an attempt).
    const dd = this.yOld;
    for (let i = 0; i < n; i++) dd[i] = w[0]! * trial[i]!;
    for (let j = 1; j <= q + 1; j++) {
      const state = this.nodeState(j);
      const wj = w[j]!;
      for (let i = 0; i < n; i++) dd[i] = dd[i]! + wj * state[i]!;
    }
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (model.inErrorNorm[i] === 0) continue;
      const e = c * dd[i]! * this.weight(i, trial[i]!);
      sum += e * e;
      count++;
    }
    return Math.sqrt(sum / Math.max(1, count));
  }

  /** Step-size factor an order-q error estimate allows (safety 0.9). */
  private static allowedRatio(error: number, q: number): number {
    return 0.9 * Math.max(error, 1e-6) ** (-1 / (q + 1));
  }

  /**
   * Chooses the next order and step ratio after an accepted trial: after k + 1 steps at order
   * k, the orders k − 1 and k + 1 are estimated too and the one allowing the largest step wins.
   */
  private chooseAfterAccept(): void {
    const k = this.trialOrder;
    const error = this.result.error;
    const afterRejection = this.consecutiveRejections > 0;
    this.consecutiveRejections = 0;
    if (Number.isNaN(error)) {
      this.stepRatio = afterRejection ? 1 : MAX_STEP_GROWTH;
      return;
    }
    this.stepsAtOrder++;
    let best = k;
    let bestRatio = BdfStepper.allowedRatio(error, k);
    const historyAfter = Math.min(this.history + 1, this.maxOrder + 2);
    if (this.stepsAtOrder >= k + 1) {
      if (k > 1) {
        const lower = BdfStepper.allowedRatio(this.errorAtOrder(k - 1), k - 1);
        if (lower > bestRatio) {
          best = k - 1;
          bestRatio = lower;
        }
      }
      if (k < this.maxOrder && historyAfter >= k + 3) {
        const higher = BdfStepper.allowedRatio(this.errorAtOrder(k + 1), k + 1);
        if (higher > bestRatio) {
          best = k + 1;
          bestRatio = higher;
        }
      }
    }
    if (best !== k) {
      this.currentOrder = best;
      this.stepsAtOrder = 0;
    }
    const ratio = Math.min(MAX_STEP_GROWTH, Math.max(MIN_STEP_RATIO, bestRatio));
    this.stepRatio = afterRejection ? Math.min(1, ratio) : ratio;
  }

  /**
   * The Newton test bounds the update, not the charge balance: a last update that moved the
   * side-reaction current (non-linear, Jacobian possibly stale) leaves I ≠ ∫ (a j + i_side) dx
   * by a first-order amount, which the Li balance would book as lost charge. Extra iterations
   * with the present factorisation (solves only) bring the imbalance below
   * {@link CHARGE_BALANCE_TOLERANCE} of the current tolerance. `residual` holds F(y) on entry
   * and on return; returns false if that does not converge.
   */
  private polishChargeBalance(y: Float64Array, time_s: number): boolean {
    const model = this.model;
    const limit = CHARGE_BALANCE_TOLERANCE * model.absoluteTolerance[model.currentIndex]!;
    for (let extra = 0; Math.abs(model.chargeImbalance_A_per_m2(y)) > limit; extra++) {
      if (extra === MAX_POLISH_ITERATIONS || !this.factorValid) return false;
      this.statistics.newtonIterations++;
      this.delta.set(this.residual);
      this.matrix.solve(this.delta);
      this.yOld.set(y);
      this.applyUpdate(y, this.yOld, 1);
      model.evaluate(y, time_s, this.residual, null);
    }
    return true;
  }

  /** Fills the reused trial result (no allocation per attempt). */
  private report(converged: boolean, error: number): TrialResult {
    this.result.converged = converged;
    this.result.error = error;
    return this.result;
  }

  /** Commits the last trial as the new accepted state and chooses the next order and step. */
  public accept(): void {
    this.chooseAfterAccept();
    const oldest = this.older.pop()!;
    oldest.set(this.y);
    this.older.unshift(oldest);
    const oldestIntegrals = this.olderIntegrals.pop()!;
    oldestIntegrals.set(this.integrals);
    this.olderIntegrals.unshift(oldestIntegrals);
    this.olderTimes.copyWithin(1, 0);
    this.olderTimes[0] = this.time_s;
    this.y.set(this.trial);
    this.time_s += this.trialStep;
    this.integrals.set(this.trialIntegrals);
    this.history = Math.min(this.maxOrder + 2, this.history + 1);
    this.statistics.acceptedSteps++;
    this.statistics.acceptedStepsByOrder[this.trialOrder - 1]!++;
    for (let i = 0; i < this.y.length; i++) {
      if (!Number.isFinite(this.y[i]!)) this.failNonFinite('an accepted step');
    }
  }

  /**
   * Records a rejected attempt and chooses the retry: a quarter of the step after a Newton
   * failure; after an error-test failure the step the order-k (or, if it allows more, order
   * k − 1) estimate allows.
   */
  public reject(): void {
    this.statistics.rejectedSteps++;
    this.consecutiveRejections++;
    const k = this.trialOrder;
    const error = this.result.error;
    if (!this.result.converged || Number.isNaN(error)) {
      this.stepRatio = NEWTON_FAILURE_RATIO;
      return;
    }
    let ratio = BdfStepper.allowedRatio(error, k);
    if (k > 1) {
      const lower = BdfStepper.allowedRatio(this.errorAtOrder(k - 1), k - 1);
      if (lower > ratio) {
        ratio = lower;
        this.currentOrder = k - 1;
        this.stepsAtOrder = 0;
      }
    }
    this.stepRatio = Math.min(0.9, Math.max(MIN_STEP_RATIO, ratio));
  }
}
