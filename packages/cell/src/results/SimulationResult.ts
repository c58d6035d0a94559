// Result types of a simulated experiment: time series, per-cycle summaries, step log, cell facts.

/** Column-wise time series, one entry per accepted time step (plus one at every step start). */
export interface TimeSeries {
  /** Time since the start of the experiment (s). */
  readonly time_s: number[];
  /** Cell voltage vs Li-In (V); add `cell.counterElectrodePotentialVsLi_V` for vs Li/Li⁺. */
  readonly voltageVsLiIn_V: number[];
  /** Current density (A/m², > 0 charging). */
  readonly currentDensity_A_per_m2: number[];
  /** Cumulative net charge passed, ∫ I dt (C/m², > 0 charging). */
  readonly charge_C_per_m2: number[];
  /** Cumulative charge into side reactions (C/m²). */
  readonly sideReactionCharge_C_per_m2: number[];
  /** Mean interphase film resistance on the NCM (Ω m² of contact area). */
  readonly filmResistance_ohm_m2: number[];
  /** Mean electrode SE volume fraction (–). */
  readonly seVolumeFraction: number[];
  /** Mean NCM lithiation x_Li (–). */
  readonly meanLithiation: number[];
  /** Index of the protocol step (after expansion). */
  readonly stepIndex: number[];
  /** Cycle number (1-based). */
  readonly cycleIndex: number[];
}

/** Per-cycle summary. A cycle starts with a charging current step after a discharge. */
export interface CycleSummary {
  /** Cycle number (1-based). */
  readonly cycle: number;
  /** Charge passed while charging (C/m²). */
  readonly chargeCapacity_C_per_m2: number;
  /** Charge returned while discharging (C/m²). */
  readonly dischargeCapacity_C_per_m2: number;
  /** Charge capacity per NCM mass (mAh/g). */
  readonly chargeCapacity_mAh_per_g: number;
  /** Discharge capacity per NCM mass (mAh/g). */
  readonly dischargeCapacity_mAh_per_g: number;
  /** Charge capacity per electrode area (mAh/cm²). */
  readonly chargeCapacity_mAh_per_cm2: number;
  /** Discharge capacity per electrode area (mAh/cm²). */
  readonly dischargeCapacity_mAh_per_cm2: number;
  /** Discharge / charge (–); null when nothing was charged. */
  readonly coulombicEfficiency: number | null;
  /** Charge − discharge capacity (mAh/g of NCM). */
  readonly irreversibleCapacity_mAh_per_g: number;
  /** Energy put in while charging, ∫ V I dt with V vs Li-In (J/m²). */
  readonly chargeEnergy_J_per_m2: number;
  /** Energy delivered while discharging (J/m², V vs Li-In). */
  readonly dischargeEnergy_J_per_m2: number;
  /** Charge into side reactions during the cycle (C/m²). */
  readonly sideReactionCharge_C_per_m2: number;
}

/** Why a protocol step ended. */
export type StepEndReason =
  | 'voltage'
  | 'time'
  | 'current'
  | 'capacity'
  | 'sweep-complete'
  | 'safety-time-limit';

/** Log entry of one executed step. */
export interface StepRecord {
  readonly index: number;
  readonly description: string;
  readonly kind: 'current' | 'rest' | 'voltage' | 'sweep';
  readonly cycle: number;
  readonly startTime_s: number;
  readonly endTime_s: number;
  readonly endReason: StepEndReason;
  /** Why the step ended, in words (the condition and, for a step that did not run, the state). */
  readonly endedBy: string;
  /**
   * True when an end condition already held at the step start (e.g. the IR drop of a large
   * discharge current beyond the cut-off): the step did not run, and its zero charge is not a
   * capacity.
   */
  readonly notStarted: boolean;
  /** Voltage vs Li-In at the end (V). */
  readonly endVoltageVsLiIn_V: number;
  /** Net charge passed in the step (C/m²). */
  readonly charge_C_per_m2: number;
}

/** Facts about the simulated cell that every output should state. */
export interface CellFacts {
  /** Potentials in the time series are vs Li-In. */
  readonly voltageReference: 'Li-In';
  /** Li-In potential vs Li/Li⁺ (V): V_vs_Li = V_vs_LiIn + this. */
  readonly counterElectrodePotentialVsLi_V: number;
  /** Capacity that defines 1C (C/m²): reference specific capacity × NCM loading. */
  readonly referenceCapacity_C_per_m2: number;
  /** 1C current density (A/m²). */
  readonly oneCCurrentDensity_A_per_m2: number;
  /** Reference specific capacity of the NCM (C/kg), e.g. 200 mAh/g = 720 000 C/kg. */
  readonly referenceSpecificCapacity_C_per_kg: number;
  /** Capacity of the full lithiation window (C/m²). */
  readonly windowCapacity_C_per_m2: number;
  /** NCM loading (kg/m²). */
  readonly ncmArealMass_kg_per_m2: number;
  /** Electrode thickness (m). */
  readonly electrodeThickness_m: number;
  /** Separator thickness (m). */
  readonly separatorThickness_m: number;
  /** Temperature (K). */
  readonly temperature_K: number;
  /** NCM–SE charge-transfer area per electrode volume (m²/m³). */
  readonly contactArea_m2_per_m3: number;
}

/** Solver statistics and the measured charge-conservation error. */
export interface SolverSummary {
  readonly acceptedSteps: number;
  readonly rejectedSteps: number;
  readonly newtonIterations: number;
  readonly jacobianEvaluations: number;
  /** Accepted steps at each BDF order: element k − 1 counts order k. */
  readonly acceptedStepsByOrder: readonly number[];
  /** max |F n_Li(t) + Q(t) − Q_side(t) − (same at t = 0)| over all steps (C/m²). */
  readonly maxConservationError_C_per_m2: number;
  /** ∫ |I| dt (C/m²), the scale of the conservation error. */
  readonly chargeThroughput_C_per_m2: number;
}

/** Everything a simulated experiment returns. */
export interface SimulationResult {
  readonly timeSeries: TimeSeries;
  readonly cycles: readonly CycleSummary[];
  readonly steps: readonly StepRecord[];
  readonly cell: CellFacts;
  readonly solver: SolverSummary;
  /** The final state vector (to continue with `options.initialState`). */
  readonly finalState: Float64Array;
}
