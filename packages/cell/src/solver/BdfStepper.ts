// Variable-step BDF1/BDF2 integrator with Newton iterations on the full DAE, a banded direct
// solve (particle shells condensed) with factorisation reuse inside a step, and a predictor-based local error estimate.
import { SolidCellError } from '@solidcell/core';
import type { CellModel } from '../model/CellModel.js';
import type { FactorableMatrix } from '../numerics/FactorableMatrix.js';

/** Counters of the integrator's work. */
export interface StepperStatistics {
  acceptedSteps: number;
  rejectedSteps: number;
  newtonIterations: number;
  jacobianEvaluations: number;
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
 * BDF1 and later steps BDF2 (variable-coefficient form
 * `(1+2ω)/(1+ω) y₊ − (1+ω) y + ω²/(1+ω) y₋ = h f(y₊)`, ω = h/h₋). The passed charge and the
 * side-reaction charge are integrated with the same formula as the Li inventory, so the
 * linear invariant F·n_Li + Q − Q_side is preserved exactly up to the Newton residual.
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
  };

  private readonly model: CellModel;
  private readonly matrix: FactorableMatrix;
  private readonly yPrev: Float64Array;
  private readonly yPrev2: Float64Array;
  private readonly predictor: Float64Array;
  private readonly residual: Float64Array;
  private readonly delta: Float64Array;
  private readonly yOld: Float64Array;
  private factorValid = false;
  private updateNorm = 0;
  private updateClipped = false;
  private readonly result = { converged: false, error: Number.NaN };
  private readonly integralsPrev = new Float64Array(INTEGRAL_COUNT);
  private tPrev = 0;
  private tPrev2 = 0;
  private history = 1;
  private trialStep = 0;
  private readonly relTol: number;
  private readonly maxNewton: number;

  public constructor(model: CellModel, relativeTolerance: number, maxNewtonIterations: number) {
    this.model = model;
    this.matrix = model.createMatrix();
    const n = model.size;
    this.y = new Float64Array(n);
    this.trial = new Float64Array(n);
    this.yPrev = new Float64Array(n);
    this.yPrev2 = new Float64Array(n);
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
      if (iter >= 2 && norm > 0.9 * previousNorm && !fresh) {
        // Slow or diverging with a stale Jacobian: refresh from now on.
        haveFactor = false;
        fresh = true;
      }
      previousNorm = norm;
    }
    return false;
  }

  /**
   * y = yOld − λ δ with projection: bounded unknowns (concentrations in [0, c_max], side states
   * ≥ their minimum) move at most 90 % of the way to a bound; a variable pinned at its bound
   * stays there.
   */
  private applyUpdate(y: Float64Array, yOld: Float64Array, lambda: number): void {
    const model = this.model;
    const n = model.size;
    const d = this.delta;
    const lower = model.lowerBound;
    const upper = model.upperBound;
    let sum = 0;
    let clipped = false;
    for (let i = 0; i < n; i++) {
      const old = yOld[i]!;
      let next = old - lambda * d[i]!;
      if (next > upper[i]!) {
        next = old >= upper[i]! ? upper[i]! : old + 0.9 * (upper[i]! - old);
        if (old < upper[i]!) clipped = true;
      } else if (next < lower[i]!) {
        next = old <= lower[i]! ? lower[i]! : old - 0.9 * (old - lower[i]!);
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

  /** Number of accepted states in the history (1–3); save it around a probing restart. */
  public get historyLength(): number {
    return this.history;
  }

  public set historyLength(value: number) {
    this.history = Math.min(3, Math.max(1, Math.floor(value)));
  }

  /** Order that the next attempt will use (1 or 2). */
  public get order(): number {
    return this.history >= 3 ? 2 : 1;
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
    const h1 = this.time_s - this.tPrev;
    const h2 = this.tPrev - this.tPrev2;
    let a0 = 1;
    let a1 = -1;
    let a2 = 0;
    if (order === 2) {
      const w = h / h1;
      a0 = (1 + 2 * w) / (1 + w);
      a1 = -(1 + w);
      a2 = (w * w) / (1 + w);
    }
    model.cdt = a0 / h;
    const psi = model.psi;
    const pred = this.predictor;
    for (let i = 0; i < n; i++) {
      psi[i] = -(a1 * y[i]! + a2 * this.yPrev[i]!) / a0;
    }
    if (this.history >= 3) {
      // Quadratic extrapolation through (t−2, t−1, t).
      const t0 = this.tPrev2;
      const t1 = this.tPrev;
      const t2 = this.time_s;
      const t = t2 + h;
      const l0 = ((t - t1) * (t - t2)) / ((t0 - t1) * (t0 - t2));
      const l1 = ((t - t0) * (t - t2)) / ((t1 - t0) * (t1 - t2));
      const l2 = ((t - t0) * (t - t1)) / ((t2 - t0) * (t2 - t1));
      for (let i = 0; i < n; i++) pred[i] = l0 * this.yPrev2[i]! + l1 * this.yPrev[i]! + l2 * y[i]!;
    } else if (this.history === 2) {
      const s = h / h1;
      for (let i = 0; i < n; i++) pred[i] = y[i]! + s * (y[i]! - this.yPrev[i]!);
    } else {
      pred.set(y);
    }
    // Keep the predictor inside the bounds (extrapolation can leave [0, c_max]).
    const lower = model.lowerBound;
    const upper = model.upperBound;
    for (let i = 0; i < n; i++) {
      if (pred[i]! > upper[i]! || pred[i]! < lower[i]!) pred[i] = y[i]!;
    }
    const trial = this.trial;
    trial.set(pred);
    const t = this.time_s + h;
    this.trialStep = h;
    if (!this.newton(trial, t, this.maxNewton, false)) return this.report(false, Number.NaN);
    // Refresh node outputs at the converged state and integrate the scalar integrals.
    model.evaluate(trial, t, this.residual, null);
    if (!this.polishChargeBalance(trial, t)) return this.report(false, Number.NaN);
    const rates0 = trial[model.currentIndex]!;
    const rates1 = model.sideCurrentDensity_A_per_m2();
    this.trialIntegrals[CHARGE] =
      (h * rates0 - a1 * this.integrals[CHARGE]! - a2 * this.integralsPrev[CHARGE]!) / a0;
    this.trialIntegrals[SIDE_CHARGE] =
      (h * rates1 - a1 * this.integrals[SIDE_CHARGE]! - a2 * this.integralsPrev[SIDE_CHARGE]!) / a0;
    if (this.history < 2) return this.report(true, Number.NaN);
    const factor = order === 2 ? (4 / 3) * ((h * h) / ((h + h1) * (h + h1 + h2))) : h / (h + h1);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (model.inErrorNorm[i] === 0) continue;
      const e = factor * (trial[i]! - pred[i]!) * this.weight(i, trial[i]!);
      sum += e * e;
      count++;
    }
    return this.report(true, Math.sqrt(sum / Math.max(1, count)));
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

  /** Commits the last trial as the new accepted state. */
  public accept(): void {
    this.yPrev2.set(this.yPrev);
    this.yPrev.set(this.y);
    this.y.set(this.trial);
    this.tPrev2 = this.tPrev;
    this.tPrev = this.time_s;
    this.time_s += this.trialStep;
    this.integralsPrev.set(this.integrals);
    this.integrals.set(this.trialIntegrals);
    this.history = Math.min(3, this.history + 1);
    this.statistics.acceptedSteps++;
    for (let i = 0; i < this.y.length; i++) {
      if (!Number.isFinite(this.y[i]!)) this.failNonFinite('an accepted step');
    }
  }

  /** Records a rejected attempt (statistics only). */
  public reject(): void {
    this.statistics.rejectedSteps++;
  }
}
