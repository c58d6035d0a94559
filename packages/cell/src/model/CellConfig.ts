// Input types of the cell engine: the physics components, the electrode and cell geometry, the
// mesh and the solver settings, with their documented defaults.
import type {
  ActiveMaterial,
  ChargeTransfer,
  ElectrodeVolumeFractions,
  Material,
  Microstructure,
  SideReaction,
  Transport,
} from '@solidcell/core';
import type { ContactLossParameterOverrides } from './contactLoss.js';

/**
 * The physics a cell is built from: every entry is a core contract, so any plugin works.
 *
 * @remarks Use {@link cellPhysicsFromComponents} to take them from a composed container.
 */
export interface CellPhysics {
  /** NCM|SE interface kinetics, OCP and solid diffusion. */
  readonly chargeTransfer: ChargeTransfer;
  /** The active material (c_max, particle radius, density, reference capacity, σ_e(x)). */
  readonly activeMaterial: ActiveMaterial;
  /** The solid electrolyte (bulk ionic conductivity of separator and composite). */
  readonly electrolyte: Material;
  /** The carbon additive, if any (its electronic conductivity and BET area). */
  readonly carbon?: Material | undefined;
  /** Effective-medium transport used for σ_ion,eff and σ_el,eff of the composite. */
  readonly transport: Transport;
  /** Side reactions inside the composite (0..n). */
  readonly sideReactions?: readonly SideReaction[] | undefined;
}

/** Composite electrode description. Give exactly one of thickness, areal capacity or NCM mass. */
export interface ElectrodeConfig {
  /** Electrode volume fractions (porosity included, sum 1), e.g. from core `electrodeVolumeFractions`. */
  readonly volumeFractions: ElectrodeVolumeFractions;
  /** Electrode thickness (m). */
  readonly thickness_m?: number;
  /** Reference areal capacity (C/m²) — thickness follows from core `thicknessFromArealCapacity_m`. */
  readonly arealCapacity_C_per_m2?: number;
  /** NCM areal mass loading (kg/m²). */
  readonly ncmArealMass_kg_per_m2?: number;
  /**
   * Microstructure whose descriptors give the NCM|SE contact area, the carbon|SE area and the
   * network fractions; without it the descriptors are estimated (see `estimateDescriptors`).
   */
  readonly microstructure?: Microstructure;
  /**
   * NCM–SE contact (active-area) fraction f_contact (–); a = f_contact · 3 ε_NCM / R.
   * @defaultValue 0.3 (parameters.md §7.2); ignored when a microstructure with a measured
   * NCM|SE area is given, unless set explicitly.
   */
  readonly contactFraction?: number;
  /**
   * Initial (uniform) Li site fraction of the NCM (–).
   * @defaultValue `lithiationWindow.discharged − 0.001 × (discharged − charged)` of the charge
   * transfer (numerical assumption: the window edge itself is the i₀ = 0 singularity).
   */
  readonly initialLithiation?: number;
}

/** Li-In counter electrode (parameters.md §9). */
export interface CounterElectrodeConfig {
  /** Potential of the Li-In alloy vs Li/Li⁺ (V). @defaultValue 0.62 V (parameters.md §9) */
  readonly potentialVsLi_V?: number;
  /**
   * Area-specific resistance of the counter electrode and its interface (Ω m²).
   * @defaultValue 1e-4 Ω m² (1 Ω cm²) — assumption: "non-polarizable at ≤ 2 mA/cm²" (§9).
   */
  readonly areaSpecificResistance_ohm_m2?: number;
}

/** Finite-volume mesh. */
export interface CellMeshConfig {
  /** Control volumes across the composite electrode. @defaultValue 20 */
  readonly electrodeNodes?: number;
  /** Control volumes across the SE separator. @defaultValue 4 */
  readonly separatorNodes?: number;
  /** Radial shells per NCM particle. @defaultValue 15 */
  readonly particleShells?: number;
  /**
   * Width ratio of neighbouring shells, outer/inner (0 < q ≤ 1; 1 = equal widths). Finer shells
   * at the surface resolve the thin depleted/enriched layers of current reversals.
   * @defaultValue 0.85 (outermost shell ≈ 1/10 of the innermost at 15 shells)
   */
  readonly particleShellRatio?: number;
}

/** Time-integrator settings. */
export interface CellSolverConfig {
  /** Relative tolerance of the local error test (–). @defaultValue 1e-4 */
  readonly relativeTolerance?: number;
  /** Absolute tolerance of potentials (V). @defaultValue 1e-4 V */
  readonly potentialTolerance_V?: number;
  /** Absolute tolerance of side-reaction states (their own units). @defaultValue 1e-6 */
  readonly sideStateTolerance?: number;
  /** Largest time step (s). @defaultValue 3600 s */
  readonly maxStepSize_s?: number;
  /** First step after every protocol step change (s). @defaultValue 0.05 s */
  readonly initialStepSize_s?: number;
  /** Smallest step before giving up (s). @defaultValue 1e-9 s */
  readonly minStepSize_s?: number;
  /**
   * Highest order of the variable-order BDF integrator (1 … 5; 2 reproduces a BDF1/BDF2 code).
   * @defaultValue 5
   */
  readonly maxOrder?: number;
  /** Newton iterations per attempt. @defaultValue 8 */
  readonly maxNewtonIterations?: number;
  /** Accepted + rejected steps per protocol step before giving up. @defaultValue 200 000 */
  readonly maxStepsPerProtocolStep?: number;
}

/** Everything {@link createCellModel} needs. */
export interface CellModelConfig {
  readonly physics: CellPhysics;
  readonly electrode: ElectrodeConfig;
  /**
   * Thickness of the pure-SE separator (m).
   * @defaultValue 500e-6 m — assumption: a typical cold-pressed Li6PS5Cl pellet; [Kim2024] does
   * not state it.
   */
  readonly separatorThickness_m?: number;
  readonly counterElectrode?: CounterElectrodeConfig;
  /** Cell temperature (K). @defaultValue 298.15 K */
  readonly temperature_K?: number;
  /**
   * Electrode area (m²), used only to convert currents given in A.
   * @defaultValue 7.85e-5 m² (10 mm diameter pellet) — assumption.
   */
  readonly electrodeArea_m2?: number;
  readonly mesh?: CellMeshConfig;
  readonly solver?: CellSolverConfig;
  /**
   * Contact-loss ageing (model.md M7, `contactLoss.ts`): when given (`{}` for the defaults), every
   * electrode node carries the lost NCM|SE contact fraction and the Li held in isolated NCM.
   * @defaultValue absent: no contact loss.
   */
  readonly contactLoss?: ContactLossParameterOverrides;
}

/** Defaults of the optional settings (SI). */
export const CELL_DEFAULTS = {
  separatorThickness_m: 500e-6,
  counterElectrodePotentialVsLi_V: 0.62,
  counterElectrodeResistance_ohm_m2: 1e-4,
  temperature_K: 298.15,
  electrodeArea_m2: Math.PI * 0.005 * 0.005,
  contactFraction: 0.3,
  electrodeNodes: 20,
  separatorNodes: 4,
  particleShells: 15,
  particleShellRatio: 0.85,
  relativeTolerance: 1e-4,
  potentialTolerance_V: 1e-4,
  sideStateTolerance: 1e-6,
  maxStepSize_s: 3600,
  initialStepSize_s: 0.05,
  minStepSize_s: 1e-9,
  maxOrder: 5,
  maxNewtonIterations: 8,
  maxStepsPerProtocolStep: 200_000,
} as const;
