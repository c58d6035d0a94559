// Runs an experiment protocol on a cell model: control switching, adaptive steps, event
// location of end conditions, time-series recording and per-cycle bookkeeping.
import { FARADAY_C_per_mol, invalidInput, SolidCellError } from '@solidcell/core';
import type { ExecutableStep, ExpandedStep } from '../experiment/expandProtocol.js';
import { expandProtocol } from '../experiment/expandProtocol.js';
import type {
  CapacitySpec,
  CurrentSpec,
  EndCondition,
  Protocol,
} from '../experiment/ProtocolStep.js';
import { CELL_DEFAULTS, type CellModelConfig } from '../model/CellConfig.js';
import { CellModel } from '../model/CellModel.js';
import {
  validateCellModelConfig,
  validateSimulateOptions,
} from '../model/validateCellModelConfig.js';
import type {
  CycleSummary,
  SimulationResult,
  StepEndReason,
  StepRecord,
  TimeSeries,
} from '../results/SimulationResult.js';
import { BdfStepper, CHARGE, SIDE_CHARGE } from '../solver/BdfStepper.js';
import { explainInitialisationFailure } from './explainInitialisationFailure.js';
import { physicalLimitOf } from './physicalLimit.js';

/** What {@link SimulateOptions.onStep} receives after every accepted time step. */
export interface StepInfo {
  readonly time_s: number;
  readonly voltageVsLiIn_V: number;
  readonly currentDensity_A_per_m2: number;
  /** ∫ I dt since the start (C/m²). */
  readonly charge_C_per_m2: number;
  /** Side-reaction charge since the start (C/m²). */
  readonly sideReactionCharge_C_per_m2: number;
  /** Li inventory of the NCM as charge, F n_Li (C/m²). */
  readonly lithiumCharge_C_per_m2: number;
}

/** Options of {@link simulateExperiment}. */
export interface SimulateOptions {
  /** Progress callback: fraction done (0–1) and a message. */
  readonly onProgress?: (fraction: number, message: string) => void;
  /** Called after every accepted time step (verification, live plots). */
  readonly onStep?: (info: StepInfo) => void;
  /** Record every n-th accepted step in the time series (step starts/ends always). @defaultValue 1 */
  readonly recordEvery?: number;
  /** Start from this state (a previous result's `finalState`) instead of the initial one. */
  readonly initialState?: Float64Array;
}

/** Voltage event tolerance (V). */
const VOLTAGE_EVENT_TOLERANCE_V = 2e-5;
/** Newton-failure step size below which a current step may end at its voltage cut-off (s). */
const COLLAPSE_STEP_S = 1e-3;
/** Bracket width at which event location stops (s). */
const EVENT_TIME_TOLERANCE_S = 1e-3;

interface ConditionEvaluator {
  readonly reason: StepEndReason;
  /** The condition in words, e.g. "voltage 2.5 V vs Li-In". */
  readonly limit: string;
  /** ≥ 0 when met. */
  readonly g: (voltage: number, current: number, stepCharge: number) => number;
  readonly tolerance: number;
}

/** Creates the cell model for a configuration (validates it). */
export function createCellModel(config: CellModelConfig): CellModel {
  validateCellModelConfig(config);
  return new CellModel(config);
}

function currentDensity(model: CellModel, spec: CurrentSpec, field: string): number {
  let v: number;
  if ('cRate' in spec) v = (spec.cRate * model.referenceCapacity_C_per_m2) / 3600;
  else if ('current_A' in spec) v = spec.current_A / model.electrodeArea_m2;
  else v = spec.currentDensity_A_per_m2;
  if (!Number.isFinite(v) || v < 0) invalidInput(field, spec, 'a finite current magnitude ≥ 0');
  return v;
}

function capacity(model: CellModel, spec: CapacitySpec, field: string): number {
  const v =
    'specificCapacity_C_per_kg' in spec
      ? spec.specificCapacity_C_per_kg * model.ncmArealMass_kg_per_m2
      : spec.arealCapacity_C_per_m2;
  if (!Number.isFinite(v) || v <= 0) invalidInput(field, spec, 'a finite capacity > 0');
  return v;
}

/**
 * Simulates a protocol on a cell.
 *
 * @remarks
 * Each step switches the control (current or voltage), re-initialises the algebraic unknowns
 * consistently, and integrates with the adaptive BDF stepper. Voltage, current and capacity end
 * conditions are located by secant/bisection on the step size (|ΔV| ≤ 20 µV or a bracket of
 * 1 ms); time limits and sweep vertices are hit exactly. Every current step without a time
 * condition gets a safety limit of 2 × (window capacity)/|I| + 1 h.
 *
 * @param cell - a {@link CellModel} or its configuration.
 * @param protocol - steps, readable step strings and repeat groups (voltages vs Li-In).
 * @throws SolidCellError `E_INVALID_INPUT` for bad protocols, `E_SOLVER_NOT_CONVERGED` when the
 * step size collapses, `E_SOLVER_NON_FINITE` for non-finite states.
 */
export function simulateExperiment(
  cell: CellModel | CellModelConfig,
  protocol: Protocol,
  options: SimulateOptions = {},
): SimulationResult {
  validateSimulateOptions(options);
  const steps = expandProtocol(protocol);
  const model = cell instanceof CellModel ? cell : createCellModel(cell);
  try {
    return runExpandedProtocol(model, steps, options);
  } catch (error) {
    throw explainInitialisationFailure(error, model);
  }
}

/** The time loop of {@link simulateExperiment} over validated, expanded steps. */
function runExpandedProtocol(
  model: CellModel,
  steps: readonly ExpandedStep[],
  options: SimulateOptions,
): SimulationResult {
  const solverConfig = model.solverConfig;
  const rtol = solverConfig.relativeTolerance ?? CELL_DEFAULTS.relativeTolerance;
  const maxStep = solverConfig.maxStepSize_s ?? CELL_DEFAULTS.maxStepSize_s;
  const h0 = solverConfig.initialStepSize_s ?? CELL_DEFAULTS.initialStepSize_s;
  const hMin = solverConfig.minStepSize_s ?? CELL_DEFAULTS.minStepSize_s;
  const maxSteps = solverConfig.maxStepsPerProtocolStep ?? CELL_DEFAULTS.maxStepsPerProtocolStep;
  const stepper = new BdfStepper(
    model,
    rtol,
    solverConfig.maxNewtonIterations ?? CELL_DEFAULTS.maxNewtonIterations,
    solverConfig.maxOrder ?? CELL_DEFAULTS.maxOrder,
  );
  if (options.initialState !== undefined) {
    if (options.initialState.length !== model.size) {
      invalidInput('options.initialState.length', options.initialState.length, `${model.size}`);
    }
    stepper.y.set(options.initialState);
  }
  const recordEvery = options.recordEvery ?? 1;
  const series: TimeSeries = {
    time_s: [],
    voltageVsLiIn_V: [],
    currentDensity_A_per_m2: [],
    charge_C_per_m2: [],
    sideReactionCharge_C_per_m2: [],
    filmResistance_ohm_m2: [],
    seVolumeFraction: [],
    meanLithiation: [],
    stepIndex: [],
    cycleIndex: [],
  };
  const cycles: CycleSummary[] = [];
  const records: StepRecord[] = [];
  const cellLithiumScale =
    model.maxConcentration_mol_per_m3 *
    FARADAY_C_per_mol *
    model.ncmFraction *
    model.electrodeThickness_m;

  let cycle = 1;
  let dischargedInCycle = false;
  let acc = { charge: 0, discharge: 0, eCharge: 0, eDischarge: 0, side: 0 };
  const flushCycle = () => {
    const perG = (q: number) => q / model.ncmArealMass_kg_per_m2 / 3600;
    cycles.push({
      cycle,
      chargeCapacity_C_per_m2: acc.charge,
      dischargeCapacity_C_per_m2: acc.discharge,
      chargeCapacity_mAh_per_g: perG(acc.charge),
      dischargeCapacity_mAh_per_g: perG(acc.discharge),
      chargeCapacity_mAh_per_cm2: acc.charge / 36_000,
      dischargeCapacity_mAh_per_cm2: acc.discharge / 36_000,
      coulombicEfficiency: acc.charge > 0 ? acc.discharge / acc.charge : null,
      irreversibleCapacity_mAh_per_g: perG(acc.charge - acc.discharge),
      chargeEnergy_J_per_m2: acc.eCharge,
      dischargeEnergy_J_per_m2: acc.eDischarge,
      sideReactionCharge_C_per_m2: acc.side,
    });
    acc = { charge: 0, discharge: 0, eCharge: 0, eDischarge: 0, side: 0 };
  };

  const ci = model.currentIndex;
  const scratch = new Float64Array(model.size);
  let stepIndex = 0;
  let lastVoltage = 0;
  let conservationReference = Number.NaN;
  let maxConservationError = 0;
  let throughput = 0;
  let sinceRecord = 0;

  const record = (force: boolean) => {
    sinceRecord++;
    if (!force && sinceRecord < recordEvery) return;
    sinceRecord = 0;
    const y = stepper.y;
    series.time_s.push(stepper.time_s);
    series.voltageVsLiIn_V.push(model.voltageVsLiIn_V(y));
    series.currentDensity_A_per_m2.push(y[ci]!);
    series.charge_C_per_m2.push(stepper.integrals[CHARGE]!);
    series.sideReactionCharge_C_per_m2.push(stepper.integrals[SIDE_CHARGE]!);
    series.filmResistance_ohm_m2.push(model.meanFilmResistance_ohm_m2());
    series.seVolumeFraction.push(model.meanSeFraction());
    series.meanLithiation.push(model.lithiumCharge_C_per_m2(y) / cellLithiumScale);
    series.stepIndex.push(stepIndex);
    series.cycleIndex.push(cycle);
  };

  const checkConservation = () => {
    const li = model.lithiumCharge_C_per_m2(stepper.y);
    const x = li + stepper.integrals[CHARGE]! - stepper.integrals[SIDE_CHARGE]!;
    if (Number.isNaN(conservationReference)) conservationReference = x;
    maxConservationError = Math.max(maxConservationError, Math.abs(x - conservationReference));
    return li;
  };

  for (stepIndex = 0; stepIndex < steps.length; stepIndex++) {
    const { step, description } = steps[stepIndex]!;
    // Cycle bookkeeping: a charging current step after a discharge opens a new cycle.
    if (step.kind === 'current' && step.direction === 'charge' && dischargedInCycle) {
      flushCycle();
      cycle++;
      dischargedInCycle = false;
    }
    if (step.kind === 'current' && step.direction === 'discharge') dischargedInCycle = true;

    const field = `protocol[${stepIndex}] "${description}"`;
    const tStart = stepper.time_s;
    const { conditions, timeLimit, safetyLimit, vertexTimes } = configureStep(
      model,
      step,
      field,
      tStart,
    );
    const blocked = restartOrBlocked(stepper, model, step, field);
    if (Number.isNaN(conservationReference)) checkConservation();
    lastVoltage = model.voltageVsLiIn_V(stepper.y);
    // Direction-free voltage conditions (rest, hold, sweep) take their direction from the start.
    const evaluators = buildEvaluators(model, step, conditions, field, lastVoltage);
    record(true);
    const qStart = stepper.integrals[CHARGE]!;
    const sideAtStart = stepper.integrals[SIDE_CHARGE]!;
    let endReason: StepEndReason | undefined = blocked === undefined ? undefined : 'voltage';
    let endedBy = blocked ?? '';
    let notStarted = blocked !== undefined;
    for (const ev of blocked === undefined ? evaluators : []) {
      if (ev.g(lastVoltage, stepper.y[ci]!, 0) >= 0) {
        // The step cannot start: e.g. the IR drop of the set current already puts the voltage
        // beyond the cut-off. Reported as such, not as a zero capacity.
        endReason = ev.reason;
        notStarted = true;
        endedBy = `${ev.limit} already met at the step start (${lastVoltage.toFixed(3)} V vs Li-In, ${stepper.y[ci]!.toPrecision(4)} A/m²): the step did not run`;
        break;
      }
    }
    let h = Math.min(h0, maxStep);
    let count = 0;
    const tEnd = tStart + Math.min(timeLimit, safetyLimit);
    while (endReason === undefined) {
      if (++count > maxSteps) {
        throw new SolidCellError(
          'E_SOLVER_NOT_CONVERGED',
          `${field}: more than ${maxSteps} time steps at t = ${stepper.time_s} s (voltage ${lastVoltage} V vs Li-In)`,
        );
      }
      const remaining = tEnd - stepper.time_s;
      let hitEnd = false;
      let hTry = Math.min(h, maxStep);
      // Land exactly on sweep vertices.
      for (const tv of vertexTimes) {
        if (tv > stepper.time_s + 1e-9 && stepper.time_s + hTry > tv) hTry = tv - stepper.time_s;
      }
      if (hTry >= remaining * (1 - 1e-12)) {
        hTry = remaining;
        hitEnd = true;
      } else if (hTry > 0.5 * remaining) {
        hTry = 0.5 * remaining; // avoid a sliver step before the end
      }
      const trial = stepper.attempt(hTry);
      if (!trial.converged || trial.error > 1) {
        stepper.reject();
        h = hTry * stepper.suggestedStepRatio;
        if (!trial.converged && h < COLLAPSE_STEP_S && step.kind === 'current') {
          // End-of-discharge (or charge) collapse: the cell cannot carry the set current much
          // longer. If holding the cut-off voltage needs less current than the set current, the
          // cut-off lies inside this unresolvable interval (< 1 ms): end the step there.
          const cutoff = voltageCutoff(step, lastVoltage);
          if (cutoff !== undefined && settleAtCutoff(stepper, model, cutoff, scratch)) {
            lastVoltage = model.voltageVsLiIn_V(stepper.y);
            endReason = 'voltage';
            endedBy = `voltage cut-off ${cutoff} V vs Li-In (reached within an unresolvable < 1 ms interval)`;
            record(true);
            break;
          }
        }
        if (h < hMin) {
          const solverState = `step size collapsed to ${h} s at t = ${stepper.time_s} s (accepted step ${stepper.statistics.acceptedSteps}, voltage ${lastVoltage} V vs Li-In, current ${stepper.y[ci]} A/m², Newton ${trial.converged ? 'converged, error test failed' : 'did not converge'})`;
          const limit =
            step.kind === 'current'
              ? physicalLimitOf(model, stepper.y, stepper.time_s, model.setPoint(stepper.time_s))
              : undefined;
          if (limit === undefined) {
            throw new SolidCellError('E_SOLVER_NOT_CONVERGED', `${field}: ${solverState}`);
          }
          const cutoff = voltageCutoff(step, Number.NaN);
          if (limit.blocksStep && cutoff !== undefined) {
            // The step's own current drives every NCM surface past full (de)lithiation: the
            // physical end of the step, where the voltage falls to its cut-off at once.
            endReason = 'voltage';
            endedBy = `${limit.reason}: the voltage reaches the ${cutoff} V cut-off within an unresolvable < ${COLLAPSE_STEP_S * 1e3} ms interval (${lastVoltage.toFixed(4)} V vs Li-In at the last solved state)`;
            record(true);
            break;
          }
          throw new SolidCellError(
            'E_SOLVER_NOT_CONVERGED',
            `${field}: ${limit.reason}; the model cannot follow the cell past this state: ${solverState}`,
            { field: limit.field, value: limit.value },
          );
        }
        continue;
      }
      let hAccepted = hTry;
      // Event detection on the trial state.
      let triggered: ConditionEvaluator | undefined;
      const vTrial = model.voltageVsLiIn_V(stepper.trial);
      const qTrial = stepper.trialIntegrals[CHARGE]! - qStart;
      for (const ev of evaluators) {
        if (ev.g(vTrial, stepper.trial[ci]!, qTrial) >= 0) {
          triggered = ev;
          break;
        }
      }
      if (triggered !== undefined) {
        hAccepted = locateEvent(stepper, model, triggered, hTry, lastVoltage, qStart, field);
      }
      const qBefore = stepper.integrals[CHARGE]!;
      const sideBefore = stepper.integrals[SIDE_CHARGE]!;
      stepper.accept();
      const vNow = model.voltageVsLiIn_V(stepper.y);
      const dq = stepper.integrals[CHARGE]! - qBefore;
      const vMid = 0.5 * (vNow + lastVoltage);
      if (dq > 0) {
        acc.charge += dq;
        acc.eCharge += vMid * dq;
      } else {
        acc.discharge -= dq;
        acc.eDischarge -= vMid * dq;
      }
      acc.side += stepper.integrals[SIDE_CHARGE]! - sideBefore;
      throughput += Math.abs(dq);
      lastVoltage = vNow;
      const li = checkConservation();
      options.onStep?.({
        time_s: stepper.time_s,
        voltageVsLiIn_V: vNow,
        currentDensity_A_per_m2: stepper.y[ci]!,
        charge_C_per_m2: stepper.integrals[CHARGE]!,
        sideReactionCharge_C_per_m2: stepper.integrals[SIDE_CHARGE]!,
        lithiumCharge_C_per_m2: li,
      });
      if (triggered !== undefined) {
        endReason = triggered.reason;
        endedBy = triggered.limit;
        // A steep end-of-discharge drop can leave the located point a few mV past the cut-off
        // (bracket ≤ 1 ms); re-solve the algebraic state at exactly the cut-off voltage.
        const cutoff = triggered.reason === 'voltage' ? voltageCutoff(step, Number.NaN) : undefined;
        if (
          cutoff !== undefined &&
          Math.abs(vNow - cutoff) > VOLTAGE_EVENT_TOLERANCE_V &&
          settleAtCutoff(stepper, model, cutoff, scratch)
        ) {
          lastVoltage = model.voltageVsLiIn_V(stepper.y);
        }
      } else if (hitEnd) {
        endReason =
          timeLimit <= safetyLimit
            ? step.kind === 'sweep' && vertexTimes.length > 0
              ? 'sweep-complete'
              : 'time'
            : 'safety-time-limit';
        endedBy =
          endReason === 'safety-time-limit'
            ? `safety time limit ${safetyLimit.toPrecision(4)} s (no end condition was met${sideReactionNote(stepper.integrals[CHARGE]! - qStart, stepper.integrals[SIDE_CHARGE]! - sideAtStart, lastVoltage)})`
            : `time ${(stepper.time_s - tStart).toPrecision(4)} s`;
      }
      record(endReason !== undefined);
      // The stepper allows no growth right after a rejection (the step that failed was only
      // just too large).
      h = hAccepted < hTry ? hTry : hTry * stepper.suggestedStepRatio;
      if (options.onProgress !== undefined && count % 100 === 0) {
        const within = Math.min(1, (stepper.time_s - tStart) / Math.max(1e-9, tEnd - tStart));
        options.onProgress(
          (stepIndex + within) / steps.length,
          `${description}: t = ${stepper.time_s.toFixed(1)} s`,
        );
      }
    }
    records.push({
      index: stepIndex,
      description,
      kind: step.kind,
      cycle,
      startTime_s: tStart,
      endTime_s: stepper.time_s,
      endReason,
      endedBy,
      notStarted,
      endVoltageVsLiIn_V: lastVoltage,
      charge_C_per_m2: stepper.integrals[CHARGE]! - qStart,
    });
    options.onProgress?.((stepIndex + 1) / steps.length, `${description}: ended by ${endReason}`);
  }
  flushCycle();

  return {
    timeSeries: series,
    cycles,
    steps: records,
    cell: {
      voltageReference: 'Li-In',
      counterElectrodePotentialVsLi_V: model.counterElectrodePotentialVsLi_V,
      referenceCapacity_C_per_m2: model.referenceCapacity_C_per_m2,
      oneCCurrentDensity_A_per_m2: model.referenceCapacity_C_per_m2 / 3600,
      referenceSpecificCapacity_C_per_kg: model.physics.activeMaterial.referenceCapacity_C_per_kg,
      windowCapacity_C_per_m2: model.windowCapacity_C_per_m2,
      ncmArealMass_kg_per_m2: model.ncmArealMass_kg_per_m2,
      electrodeThickness_m: model.electrodeThickness_m,
      separatorThickness_m: model.separatorThickness_m,
      temperature_K: model.temperature_K,
      contactArea_m2_per_m3: model.contactArea_m2_per_m3,
    },
    solver: {
      ...stepper.statistics,
      acceptedStepsByOrder: stepper.statistics.acceptedStepsByOrder.slice(),
      maxConservationError_C_per_m2: maxConservationError,
      chargeThroughput_C_per_m2: throughput,
    },
    finalState: Float64Array.from(stepper.y),
  };
}

/**
 * The consistent initialisation of a step; when it fails for a current step whose own current
 * would drive an NCM surface already at full (de)lithiation further, and the step has a voltage
 * cut-off, returns why the step cannot start (the state stays the previous step's end state).
 */
function restartOrBlocked(
  stepper: BdfStepper,
  model: CellModel,
  step: ExecutableStep,
  field: string,
): string | undefined {
  try {
    stepper.restart();
    return undefined;
  } catch (error) {
    const ohmic = explainInitialisationFailure(error, model);
    const cutoff = step.kind === 'current' ? voltageCutoff(step, Number.NaN) : undefined;
    if (ohmic !== error || cutoff === undefined) throw ohmic;
    const limit = physicalLimitOf(model, stepper.y, stepper.time_s, model.setPoint(stepper.time_s));
    if (limit === undefined) throw error;
    if (!limit.blocksStep) {
      throw new SolidCellError(
        'E_SOLVER_NOT_CONVERGED',
        `${field}: ${limit.reason}; the consistent initialisation at t = ${stepper.time_s} s did not converge`,
        { field: limit.field, value: limit.value },
      );
    }
    return `${limit.reason}: the voltage is past the ${cutoff} V cut-off at once (${field} did not run)`;
  }
}

/**
 * Why a current step ran into its safety time limit, when side reactions carried most of its
 * charge: they hold the voltage below the cut-off (e.g. SE oxidation on a large carbon area).
 */
function sideReactionNote(stepCharge: number, sideCharge: number, voltage: number): string {
  if (!(stepCharge > 0 && sideCharge > 0.5 * stepCharge)) return '';
  return `: side reactions (SE oxidation) carried ${((100 * sideCharge) / stepCharge).toFixed(0)} % of the step's charge and held the voltage at ${voltage.toFixed(3)} V vs Li-In`;
}

/** The voltage cut-off of a current step that lies ahead of the present voltage. */
function voltageCutoff(step: ExecutableStep, voltage: number): number | undefined {
  if (step.kind !== 'current') return undefined;
  for (const c of step.until) {
    if (c.kind !== 'voltage') continue;
    if (Number.isNaN(voltage)) return c.voltageVsLiIn_V;
    const ahead =
      step.direction === 'charge' ? c.voltageVsLiIn_V - voltage : voltage - c.voltageVsLiIn_V;
    if (ahead >= 0) return c.voltageVsLiIn_V;
  }
  return undefined;
}

/**
 * Switches to voltage control at the cut-off at the present time and differential state. Keeps
 * the result (returns true) when the current this needs has the set current's sign and no larger
 * magnitude — the cut-off is then reached within the present (sub-millisecond) interval;
 * otherwise restores control, state and history.
 */
function settleAtCutoff(
  stepper: BdfStepper,
  model: CellModel,
  cutoff: number,
  scratch: Float64Array,
): boolean {
  const ci = model.currentIndex;
  const setCurrent = model.setPoint(stepper.time_s);
  const savedState = Float64Array.from(stepper.y);
  const savedHistory = stepper.saveHistory();
  const savedMode = model.mode;
  const savedSetPoint = model.setPoint;
  model.mode = 'voltage';
  model.setPoint = () => cutoff;
  let ok = false;
  try {
    stepper.restart();
    const i = stepper.y[ci]!;
    ok = Math.sign(i) === Math.sign(setCurrent) && Math.abs(i) <= Math.abs(setCurrent) * (1 + 1e-9);
  } catch {
    ok = false;
  }
  if (ok) return true;
  model.mode = savedMode;
  model.setPoint = savedSetPoint;
  stepper.y.set(savedState);
  stepper.restoreHistory(savedHistory);
  model.evaluate(stepper.y, stepper.time_s, scratch, null);
  return false;
}

interface StepConfiguration {
  readonly conditions: readonly EndCondition[];
  readonly timeLimit: number;
  readonly safetyLimit: number;
  readonly vertexTimes: readonly number[];
}

function configureStep(
  model: CellModel,
  step: ExecutableStep,
  field: string,
  tStart: number,
): StepConfiguration {
  const conditions = step.until;
  let timeLimit = Number.POSITIVE_INFINITY;
  for (const c of conditions) {
    if (c.kind === 'time') {
      if (!Number.isFinite(c.duration_s) || c.duration_s <= 0) {
        invalidInput(`${field}.until.duration_s`, c.duration_s, 'a finite duration > 0 s');
      }
      timeLimit = Math.min(timeLimit, c.duration_s);
    }
  }
  const vertexTimes: number[] = [];
  let safetyLimit = 1000 * 3600;
  switch (step.kind) {
    case 'current': {
      const magnitude = currentDensity(model, step.current, `${field}.current`);
      const value = step.direction === 'charge' ? magnitude : -magnitude;
      model.mode = 'current';
      model.setPoint = () => value;
      if (magnitude > 0) {
        safetyLimit =
          (2 * Math.max(model.windowCapacity_C_per_m2, model.referenceCapacity_C_per_m2)) /
            magnitude +
          3600;
      }
      if (conditions.length === 0)
        invalidInput(`${field}.until`, conditions, 'at least one end condition');
      break;
    }
    case 'rest':
      model.mode = 'current';
      model.setPoint = () => 0;
      if (conditions.length === 0)
        invalidInput(`${field}.until`, conditions, 'at least one end condition');
      break;
    case 'voltage': {
      const v = step.voltageVsLiIn_V;
      if (!Number.isFinite(v))
        invalidInput(`${field}.voltageVsLiIn_V`, v, 'a finite voltage (V vs Li-In)');
      model.mode = 'voltage';
      model.setPoint = () => v;
      if (conditions.length === 0)
        invalidInput(`${field}.until`, conditions, 'at least one end condition');
      break;
    }
    case 'sweep': {
      const rate = step.scanRate_V_per_s;
      if (!(rate > 0 && Number.isFinite(rate)))
        invalidInput(`${field}.scanRate_V_per_s`, rate, 'a scan rate > 0 V/s');
      const vs = step.vertices_V;
      if (vs.length < 2 || vs.some((v) => !Number.isFinite(v))) {
        invalidInput(`${field}.vertices_V`, vs, 'at least two finite vertex voltages (V vs Li-In)');
      }
      const times = [0];
      for (let k = 1; k < vs.length; k++)
        times.push(times[k - 1]! + Math.abs(vs[k]! - vs[k - 1]!) / rate);
      for (const t of times.slice(1)) vertexTimes.push(tStart + t);
      timeLimit = Math.min(timeLimit, times[times.length - 1]!);
      model.mode = 'voltage';
      model.setPoint = (time: number) => {
        const t = time - tStart;
        for (let k = 1; k < times.length; k++) {
          if (t <= times[k]! || k === times.length - 1) {
            const span = times[k]! - times[k - 1]!;
            const s = span > 0 ? Math.min(1, Math.max(0, (t - times[k - 1]!) / span)) : 1;
            return vs[k - 1]! + s * (vs[k]! - vs[k - 1]!);
          }
        }
        return vs[vs.length - 1]!;
      };
      break;
    }
  }
  return { conditions, timeLimit, safetyLimit, vertexTimes };
}

function buildEvaluators(
  model: CellModel,
  step: ExecutableStep,
  conditions: readonly EndCondition[],
  field: string,
  startVoltage: number,
): ConditionEvaluator[] {
  const out: ConditionEvaluator[] = [];
  for (const c of conditions) {
    switch (c.kind) {
      case 'time':
        break;
      case 'voltage': {
        const target = c.voltageVsLiIn_V;
        if (!Number.isFinite(target))
          invalidInput(`${field}.until.voltageVsLiIn_V`, target, 'a finite voltage');
        const rising =
          step.kind === 'current' ? step.direction === 'charge' : startVoltage < target;
        out.push({
          reason: 'voltage',
          limit: `voltage ${rising ? '≥' : '≤'} ${target} V vs Li-In`,
          g: rising ? (v) => v - target : (v) => target - v,
          tolerance: VOLTAGE_EVENT_TOLERANCE_V,
        });
        break;
      }
      case 'current': {
        const target = currentDensity(model, c.current, `${field}.until.current`);
        out.push({
          reason: 'current',
          limit: `|current| ≤ ${target.toPrecision(4)} A/m²`,
          g: (_v, i) => target - Math.abs(i),
          tolerance: 1e-4 * target + 1e-12,
        });
        break;
      }
      case 'capacity': {
        const target = capacity(model, c.capacity, `${field}.until.capacity`);
        out.push({
          reason: 'capacity',
          limit: `capacity ≥ ${target.toPrecision(4)} C/m²`,
          g: (_v, _i, q) => Math.abs(q) - target,
          tolerance: 1e-9 * target,
        });
        break;
      }
    }
  }
  return out;
}

/**
 * Finds the step size at which an end condition is met (Illinois secant with bisection
 * fallback); leaves the stepper's trial at that point and returns the step size.
 */
function locateEvent(
  stepper: BdfStepper,
  model: CellModel,
  ev: ConditionEvaluator,
  h: number,
  voltageBefore: number,
  qStart: number,
  field: string,
): number {
  const ci = model.currentIndex;
  const gAt = () =>
    ev.g(
      model.voltageVsLiIn_V(stepper.trial),
      stepper.trial[ci]!,
      stepper.trialIntegrals[CHARGE]! - qStart,
    );
  let lo = 0;
  let gLo = ev.g(voltageBefore, stepper.y[ci]!, stepper.integrals[CHARGE]! - qStart);
  let hi = h;
  let gHi = gAt();
  if (gHi <= ev.tolerance) return h; // already within tolerance at the end of the step
  let side = 0;
  for (let iter = 0; iter < 60; iter++) {
    let hm = gHi !== gLo ? lo - (gLo * (hi - lo)) / (gHi - gLo) : 0.5 * (lo + hi);
    const margin = 1e-3 * (hi - lo);
    if (!(hm > lo + margin && hm < hi - margin)) hm = 0.5 * (lo + hi);
    let r = stepper.attempt(hm);
    if (!r.converged) {
      hm = 0.5 * (lo + hi);
      r = stepper.attempt(hm);
      // Steep ends (e.g. a collapsing ionic network at the end of discharge) can defeat Newton
      // inside the bracket: shrink toward the last converged point `lo` before giving up.
      for (let k = 0; k < 12 && !r.converged; k++) {
        hm = lo + 0.5 * (hm - lo);
        r = stepper.attempt(hm);
      }
      if (!r.converged) {
        if (lo > 0 && stepper.attempt(lo).converged) return lo; // end at the last converged point
        throw new SolidCellError(
          'E_SOLVER_NOT_CONVERGED',
          `${field}: Newton failed while locating a ${ev.reason} end condition at t = ${stepper.time_s + hm} s`,
        );
      }
      hi = Math.max(hm, Math.min(hi, hm + (hi - lo)));
    }
    const gm = gAt();
    if (Math.abs(gm) <= ev.tolerance) return hm;
    if (gm < 0) {
      lo = hm;
      gLo = gm;
      if (side === -1) gHi *= 0.5;
      side = -1;
    } else {
      hi = hm;
      gHi = gm;
      if (side === 1) gLo *= 0.5;
      side = 1;
    }
    if (hi - lo < EVENT_TIME_TOLERANCE_S) break;
  }
  stepper.attempt(hi);
  return hi;
}
