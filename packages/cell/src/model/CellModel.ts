// The discretised through-thickness cell: geometry, unknown layout, the DAE residual with its
// banded analytic Jacobian, and derived outputs (voltage, Li inventory, side-reaction current).
import {
  FARADAY_C_per_mol,
  type InterfaceConditions,
  invalidInput,
  type Microstructure,
  type MicrostructureDescriptors,
  type SideReaction,
  type SideReactionConditions,
  thicknessFromArealCapacity_m,
  thicknessFromNcmArealMass_m,
} from '@solidcell/core';
import type { FactorableMatrix } from '../numerics/FactorableMatrix.js';
import { ShellCondensedMatrix } from '../numerics/ShellCondensedMatrix.js';
import {
  CELL_DEFAULTS,
  type CellModelConfig,
  type CellPhysics,
  type CellSolverConfig,
} from './CellConfig.js';
import { ConductivityTable } from './ConductivityTable.js';
import {
  ContactLossLaw,
  contactLossStructure,
  resolveContactLossParameters,
} from './contactLoss.js';
import { ElectronicConductivityLaw } from './electronicConductivityLaw.js';
import { estimateDescriptors } from './estimateDescriptors.js';
import { KirchhoffTable } from './KirchhoffTable.js';

/** Control of the external circuit. */
export type ControlMode = 'current' | 'voltage';

/** Lithiation passed to contract calls is kept inside [δ, ceiling] for Newton iterates. */
const LITHIATION_GUARD = 1e-9;
/** Upper limit of the lithiation of Newton iterates: the lattice is full at x = 1. */
const LITHIATION_CEILING = 1;
/**
 * Site-blocking width ε of the insertion barrier ψ(x) = (1 − x)/(1 − x + ε) applied to cathodic
 * (inserting) charge-transfer currents. Plugins regularise i₀ ∝ √(x(1 − x)) to stay > 0 at
 * x = 1 (e.g. δ = 1e-6), which removes the physical barrier: without ψ the surface would be
 * filled beyond c_max at the end of discharge. ψ differs from 1 by < 1e-4 for x < 0.99.
 */
const SITE_BLOCKING = 1e-6;
/** Range of φ_s − φ_e (V vs Li) passed to side reactions while Newton iterates. */
const ELECTRODE_POTENTIAL_MIN_V = -1;
const ELECTRODE_POTENTIAL_MAX_V = 7;
/**
 * r₀ of the C¹ switch-on r²/(r + r₀) of contact loss at the delithiation rate r = −dx̄/dt (1/s):
 * 1e-6 1/s ≈ C/200 (numerical); it lowers the loss by ≈ r₀/r: 1 % at 0.5C, 2.5 % at 0.2C. 1e-7
 * still let Newton collapse at the end of a dry-CF discharge at k_ε = 0.2 (cycle 42).
 */
const CONTACT_LOSS_RATE_SMOOTHING_PER_S = 1e-6;

function positive(field: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v <= 0) invalidInput(field, value, 'a finite number > 0');
  return v;
}

function integerAtLeast(field: string, value: number | undefined, fallback: number, min: number) {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > 10_000) {
    invalidInput(field, value, `an integer ${min} ≤ n ≤ 10000`);
  }
  return v;
}

/**
 * The discretised cell model (finite volumes in x and r) and its DAE residual.
 *
 * @remarks
 * Unknown vector, node by node so the Jacobian is banded (half-bandwidth = block size m):
 * `[φ_e (separator nodes) | per electrode node: φ_e, φ_s, j_ct, c_surf, c_0 … c_{Nr−1}, side states |
 * I]`. Potentials are vs Li/Li⁺ measured by a Li reference in the SE; the Li-In counter
 * electrode sits at `U_CE` with an area-specific resistance. I is the cell current density
 * (A/m², > 0 = charge = NCM delithiation). All equation rows are scaled to A/m² of electrode
 * (particle rows: Li charge per electrode area per second), which keeps pivoting meaningful.
 *
 * The BDF discretisation enters through the public fields `cdt` and `psi`: the time
 * derivative of a differential unknown is `cdt · (y − ψ)`.
 */
export class CellModel {
  // --- geometry and parameters (SI) ---
  /** Separator thickness (m). */
  public readonly separatorThickness_m: number;
  /** Electrode thickness (m). */
  public readonly electrodeThickness_m: number;
  /** Temperature (K). */
  public readonly temperature_K: number;
  /** Li-In potential vs Li/Li⁺ (V). */
  public readonly counterElectrodePotentialVsLi_V: number;
  /** Counter-electrode area-specific resistance (Ω m²). */
  public readonly counterElectrodeResistance_ohm_m2: number;
  /** Electrode area for A ↔ A/m² (m²). */
  public readonly electrodeArea_m2: number;
  /** NCM areal mass (kg/m²). */
  public readonly ncmArealMass_kg_per_m2: number;
  /** Reference areal capacity that defines 1C (C/m²) = Q_ref × NCM loading. */
  public readonly referenceCapacity_C_per_m2: number;
  /** Charge of the full lithiation window (C/m²). */
  public readonly windowCapacity_C_per_m2: number;
  /** Charge-transfer area per electrode volume a (m²/m³). */
  public readonly contactArea_m2_per_m3: number;
  /** Descriptors used for side reactions and transport. */
  public readonly descriptors: MicrostructureDescriptors;
  /** Initial electrode SE volume fraction (–). */
  public readonly initialSeFraction: number;
  /** NCM volume fraction (–). */
  public readonly ncmFraction: number;
  /** Maximum Li concentration (mol/m³). */
  public readonly maxConcentration_mol_per_m3: number;
  /** Particle radius (m). */
  public readonly particleRadius_m: number;
  /** Initial uniform lithiation (–). */
  public readonly initialLithiation: number;
  /** Separator (bulk SE) conductivity (S/m). */
  public readonly separatorConductivity_S_per_m: number;
  /** The physics components. */
  public readonly physics: CellPhysics;
  /** Solver settings of the configuration (used by `simulateExperiment`). */
  public readonly solverConfig: CellSolverConfig;

  // --- layout ---
  /** Separator control volumes. */
  public readonly ns: number;
  /** Electrode control volumes. */
  public readonly ne: number;
  /** Particle shells. */
  public readonly nr: number;
  /** Side-reaction states per electrode node. */
  public readonly nq: number;
  /**
   * Contact-loss law (model.md M7) when configured; its two states per node follow the side
   * states: ℓ, the lost fraction of the initial NCM|SE contact, and u, the Li held in isolated
   * NCM as a fraction of the node's NCM sites (u = ∫ x̄ dι).
   */
  public readonly contactLoss: ContactLossLaw | undefined;
  /** Block size per electrode node. */
  public readonly block: number;
  /** Total number of unknowns. */
  public readonly size: number;
  /** Index of the current density unknown. */
  public readonly currentIndex: number;
  /** 1 for differential unknowns (c, side states), 0 for algebraic ones. */
  public readonly differential: Uint8Array;
  /** Absolute tolerance per unknown (its unit). */
  public readonly absoluteTolerance: Float64Array;
  /** Whether an unknown enters the local error test. */
  public readonly inErrorNorm: Uint8Array;
  /** Lower bound per unknown that Newton updates must respect (−∞ when unbounded). */
  public readonly lowerBound: Float64Array;
  /** Upper bound per unknown that Newton updates must respect (+∞ when unbounded). */
  public readonly upperBound: Float64Array;

  // --- control and time discretisation ---
  /** Current or voltage control. */
  public mode: ControlMode = 'current';
  /** Set point: I(t) (A/m²) or V(t) vs Li-In (V). */
  public setPoint: (time_s: number) => number = () => 0;
  /** BDF: derivative = cdt (y − ψ); 0 with `initialise` selects the consistent-init mode. */
  public cdt = 0;
  /** BDF history combination ψ. */
  public readonly psi: Float64Array;
  /** True: differential unknowns are frozen at ψ (consistent algebraic initialisation). */
  public initialise = false;

  // --- precomputed mesh data ---
  private readonly hx: Float64Array; // control-volume widths, all φ_e nodes
  private readonly outerShellWidth: number; // width of the outermost shell (m)
  private readonly faceConductance: Float64Array; // r_{k+½}² / (centre distance k → k+1)
  private readonly shellVolume: Float64Array; // (r_{k+½}³ − r_{k−½}³)/3
  private readonly faceArea: Float64Array; // r_{k+½}², k = 0..nr−1 (last = R²)
  private readonly surfaceFraction: number; // a / (3 ε / R)
  private readonly particleRowScale: number; // F 3 ε h / R³
  private readonly lithiationPerShellSum: number; // 3 / (R³ c_max): Σ V_k c_k → mean lithiation
  private readonly ionTable: ConductivityTable; // σ_ion,eff(SE fraction lost)
  private readonly electronTable: ConductivityTable; // σ_el,eff(outer-shell lithiation), log
  private readonly kirchhoff: KirchhoffTable; // K(c) = ∫ D dc, fluxes are K differences
  private readonly reactions: readonly SideReaction[];
  private readonly reactionOffset: Int32Array;

  // --- work arrays (no allocation in the time loop) ---
  /** Ionic conductivity per electrode node at the last evaluation (S/m). */
  public readonly sigmaIon: Float64Array;
  /** Electronic conductivity per electrode node at the last evaluation (S/m). */
  public readonly sigmaEl: Float64Array;
  /** Side-reaction current per electrode volume at the last evaluation (A/m³). */
  public readonly sideCurrent: Float64Array;
  /** Film resistance per node at the last evaluation (Ω m²). */
  public readonly filmResistance: Float64Array;
  /** SE volume fraction lost per node at the last evaluation (–). */
  public readonly seLost: Float64Array;
  /** Remaining share of the initial NCM|SE contact per node at the last evaluation (–). */
  public readonly activeContact: Float64Array;
  private readonly activeSurfaceFraction: Float64Array; // f_s (1 − ℓ)/(1 − ι) per node
  private readonly contactRates: Float64Array; // ne × 2: dℓ/dt, du/dt
  private readonly contactRateSlopes: Float64Array; // ne × 4: ∂(dℓ/dt, du/dt)/∂(j, ℓ)
  private readonly dSideDE: Float64Array;
  private readonly dSideDq: Float64Array; // ne × nq
  private readonly stateRates: Float64Array; // ne × nq
  private readonly dRateDE: Float64Array; // ne × nq
  private readonly dRateDq: Float64Array; // ne × nq × nq (block per reaction only)
  private readonly stateBuffers: number[][];
  private readonly interfaceConditions: {
    surfaceLithiation: number;
    temperature_K: number;
    filmResistance_ohm_m2: number;
  };
  private readonly sideConditions: {
    electrodePotential_V: number;
    temperature_K: number;
    descriptors: MicrostructureDescriptors;
  };

  public constructor(config: CellModelConfig) {
    const physics = config.physics;
    this.physics = physics;
    const am = physics.activeMaterial;
    const ct = physics.chargeTransfer;
    const fractions = config.electrode.volumeFractions;
    this.temperature_K = positive(
      'temperature_K',
      config.temperature_K,
      CELL_DEFAULTS.temperature_K,
    );
    this.separatorThickness_m = positive(
      'separatorThickness_m',
      config.separatorThickness_m,
      CELL_DEFAULTS.separatorThickness_m,
    );
    this.counterElectrodePotentialVsLi_V =
      config.counterElectrode?.potentialVsLi_V ?? CELL_DEFAULTS.counterElectrodePotentialVsLi_V;
    if (!Number.isFinite(this.counterElectrodePotentialVsLi_V)) {
      invalidInput(
        'counterElectrode.potentialVsLi_V',
        this.counterElectrodePotentialVsLi_V,
        'a finite number (V)',
      );
    }
    const rce =
      config.counterElectrode?.areaSpecificResistance_ohm_m2 ??
      CELL_DEFAULTS.counterElectrodeResistance_ohm_m2;
    if (!Number.isFinite(rce) || rce < 0) {
      invalidInput(
        'counterElectrode.areaSpecificResistance_ohm_m2',
        rce,
        'a finite number ≥ 0 Ω m²',
      );
    }
    this.counterElectrodeResistance_ohm_m2 = rce;
    this.electrodeArea_m2 = positive(
      'electrodeArea_m2',
      config.electrodeArea_m2,
      CELL_DEFAULTS.electrodeArea_m2,
    );
    if (!(fractions.ncm > 0 && fractions.ncm <= 1)) {
      invalidInput('electrode.volumeFractions.ncm', fractions.ncm, 'a volume fraction 0 < x ≤ 1');
    }
    if (!(fractions.se > 0 && fractions.se <= 1)) {
      invalidInput('electrode.volumeFractions.se', fractions.se, 'a volume fraction 0 < x ≤ 1');
    }
    this.ncmFraction = fractions.ncm;
    this.initialSeFraction = fractions.se;
    const basis = {
      ncmVolumeFraction: fractions.ncm,
      ncmDensity_kg_per_m3: am.density_kg_per_m3,
      specificCapacity_C_per_kg: am.referenceCapacity_C_per_kg,
    };
    const given = [
      config.electrode.thickness_m,
      config.electrode.arealCapacity_C_per_m2,
      config.electrode.ncmArealMass_kg_per_m2,
    ].filter((v) => v !== undefined).length;
    if (given !== 1) {
      invalidInput(
        'electrode',
        given,
        'exactly one of thickness_m, arealCapacity_C_per_m2, ncmArealMass_kg_per_m2',
      );
    }
    this.electrodeThickness_m =
      config.electrode.thickness_m !== undefined
        ? positive('electrode.thickness_m', config.electrode.thickness_m, 0)
        : config.electrode.arealCapacity_C_per_m2 !== undefined
          ? thicknessFromArealCapacity_m(config.electrode.arealCapacity_C_per_m2, basis)
          : thicknessFromNcmArealMass_m(config.electrode.ncmArealMass_kg_per_m2!, basis);
    this.ncmArealMass_kg_per_m2 = this.electrodeThickness_m * am.density_kg_per_m3 * fractions.ncm;
    this.referenceCapacity_C_per_m2 = this.ncmArealMass_kg_per_m2 * am.referenceCapacity_C_per_kg;
    this.maxConcentration_mol_per_m3 = positive(
      'activeMaterial.maxConcentration_mol_per_m3',
      am.maxConcentration_mol_per_m3,
      0,
    );
    this.particleRadius_m = positive('activeMaterial.particleRadius_m', am.particleRadius_m, 0);
    const window = ct.lithiationWindow;
    this.windowCapacity_C_per_m2 =
      FARADAY_C_per_mol *
      this.maxConcentration_mol_per_m3 *
      (window.discharged - window.charged) *
      fractions.ncm *
      this.electrodeThickness_m;
    // Start 0.1 % of the window inside the discharged edge: at the edge itself i₀ ∝ √(x(1 − x))
    // vanishes and the surface problem is singular (numerical assumption, ≈ 0.7 mV of OCV).
    this.initialLithiation =
      config.electrode.initialLithiation ??
      window.discharged - 1e-3 * (window.discharged - window.charged);
    if (!(this.initialLithiation > 0 && this.initialLithiation <= 1)) {
      invalidInput('electrode.initialLithiation', this.initialLithiation, 'a number 0 < x ≤ 1');
    }

    // Contact area and descriptors.
    const microstructure: Microstructure | undefined = config.electrode.microstructure;
    const contactFraction = config.electrode.contactFraction ?? CELL_DEFAULTS.contactFraction;
    if (!(contactFraction > 0 && contactFraction <= 1)) {
      invalidInput('electrode.contactFraction', contactFraction, 'a number 0 < f ≤ 1');
    }
    this.descriptors =
      microstructure?.descriptors ??
      estimateDescriptors(fractions, this.particleRadius_m, contactFraction, physics.carbon);
    const geometricArea = (3 * fractions.ncm) / this.particleRadius_m;
    const measured = microstructure?.descriptors.interfaceAreaPerVolume_m2_per_m3.ncm_se;
    this.contactArea_m2_per_m3 =
      measured !== undefined && measured > 0 && config.electrode.contactFraction === undefined
        ? measured
        : contactFraction * geometricArea;
    this.surfaceFraction = this.contactArea_m2_per_m3 / geometricArea;

    // Conductivity tables (Transport is queried only here, never in the time loop).
    const T = this.temperature_K;
    const seIonic = physics.electrolyte.ionicConductivity_S_per_m({ temperature_K: T });
    this.separatorConductivity_S_per_m = positive('electrolyte ionic conductivity', seIonic, 0);
    const baseMicro: Microstructure = microstructure ?? {
      morphologyId: 'cell-estimate',
      carbonShape: 'spherical',
      seed: 0,
      targetVolumeFractions: fractions,
      descriptors: this.descriptors,
    };
    const withSeLost = (lost: number): Microstructure => {
      if (lost <= 0) return baseMicro;
      const se = Math.max(0, fractions.se - lost);
      const vf = {
        ...this.descriptors.volumeFractions,
        se,
        pore: fractions.pore + (fractions.se - se),
      };
      return { ...baseMicro, descriptors: { ...this.descriptors, volumeFractions: vf } };
    };
    const ionicPhases = {
      ncm: am.ionicConductivity_S_per_m({ temperature_K: T, lithiation: 0.5 }),
      se: seIonic,
      carbon: physics.carbon?.ionicConductivity_S_per_m({ temperature_K: T }) ?? 0,
      binder: 0,
      pore: 0,
    };
    const transportIonic = (lost: number) =>
      physics.transport.effectiveConductivity({
        microstructure: withSeLost(lost),
        path: 'ionic',
        phaseConductivity_S_per_m: ionicPhases,
      }).conductivity_S_per_m;
    // σ_ion,eff(SE lost): the electrode's own voxel result when measured (model.md §3), scaled by
    // the Transport law's relative change as SE is lost; the law alone otherwise.
    const measuredIonic = this.descriptors.ionicConductivityRatio;
    if (measuredIonic !== undefined && !(measuredIonic > 0 && measuredIonic <= 1)) {
      invalidInput('descriptors.ionicConductivityRatio', measuredIonic, 'a ratio 0 < x ≤ 1');
    }
    const asBuiltIonic = transportIonic(0);
    const ionicScale =
      measuredIonic !== undefined && asBuiltIonic > 0
        ? (measuredIonic * seIonic) / asBuiltIonic
        : 1;
    this.ionTable = new ConductivityTable(0, fractions.se * 0.999, 41, (lost) =>
      Math.max(ionicScale * transportIonic(lost), 1e-12),
    );
    const carbonSigma = physics.carbon?.electronicConductivity_S_per_m({ temperature_K: T }) ?? 0;
    const seSigma = physics.electrolyte.electronicConductivity_S_per_m({ temperature_K: T });
    const ncmSigma = (x: number) =>
      am.electronicConductivity_S_per_m({ temperature_K: T, lithiation: x });
    // σ_el,eff(x): the microstructure's voxel solves when it carries them (model.md §3), else the
    // Transport plugin's effective-medium law.
    const samples = this.descriptors.electronicConductivitySamples;
    const voxelLaw =
      samples !== undefined && samples.length > 0
        ? new ElectronicConductivityLaw(samples)
        : undefined;
    this.electronTable = new ConductivityTable(
      0,
      1,
      41,
      (x) =>
        Math.max(
          voxelLaw !== undefined
            ? voxelLaw.at(ncmSigma(x))
            : physics.transport.effectiveConductivity({
                microstructure: baseMicro,
                path: 'electronic',
                phaseConductivity_S_per_m: {
                  ncm: ncmSigma(x),
                  se: seSigma,
                  carbon: carbonSigma,
                  binder: 0,
                  pore: 0,
                },
              }).conductivity_S_per_m,
          1e-12,
        ),
      true,
    );

    // Solid diffusion in Kirchhoff form: the face flux −g ∫_{c_k}^{c_k+1} D dc is monotone in
    // both end values for any D(x) > 0 (a steep 100× drop near x = 1 cannot create a spurious
    // flux maximum), and one table lookup per shell replaces a quadrature per face.
    this.kirchhoff = new KirchhoffTable(
      (x) => ct.solidDiffusivity_m2_per_s(this.guard(x), T),
      this.maxConcentration_mol_per_m3,
    );

    // Mesh and layout.
    const mesh = config.mesh ?? {};
    this.ne = integerAtLeast(
      'mesh.electrodeNodes',
      mesh.electrodeNodes,
      CELL_DEFAULTS.electrodeNodes,
      2,
    );
    this.ns = integerAtLeast(
      'mesh.separatorNodes',
      mesh.separatorNodes,
      CELL_DEFAULTS.separatorNodes,
      1,
    );
    this.nr = integerAtLeast(
      'mesh.particleShells',
      mesh.particleShells,
      CELL_DEFAULTS.particleShells,
      3,
    );
    this.reactions = physics.sideReactions ?? [];
    this.reactionOffset = new Int32Array(this.reactions.length + 1);
    for (let r = 0; r < this.reactions.length; r++) {
      this.reactionOffset[r + 1] =
        this.reactionOffset[r]! + this.reactions[r]!.stateVariables.length;
    }
    this.nq = this.reactionOffset[this.reactions.length]!;
    this.contactLoss =
      config.contactLoss === undefined
        ? undefined
        : new ContactLossLaw(
            resolveContactLossParameters(config.contactLoss),
            contactLossStructure(this.descriptors),
          );
    this.block = 4 + this.nr + this.nq + (this.contactLoss ? 2 : 0);
    this.size = this.ns + this.ne * this.block + 1;
    this.currentIndex = this.size - 1;

    this.hx = new Float64Array(this.ns + this.ne);
    for (let i = 0; i < this.ns; i++) this.hx[i] = this.separatorThickness_m / this.ns;
    for (let e = 0; e < this.ne; e++) this.hx[this.ns + e] = this.electrodeThickness_m / this.ne;
    const R = this.particleRadius_m;
    // Shell widths shrink geometrically towards the surface (ratio q per shell), where the
    // concentration gradients of charge-transfer reversals and of steep D(x) laws sit.
    const ratio = config.mesh?.particleShellRatio ?? CELL_DEFAULTS.particleShellRatio;
    if (!(ratio > 0 && ratio <= 1))
      invalidInput('mesh.particleShellRatio', ratio, 'a number 0 < q ≤ 1');
    const widths = new Float64Array(this.nr);
    let total = 0;
    for (let k = 0; k < this.nr; k++) {
      widths[k] = ratio ** k;
      total += widths[k]!;
    }
    for (let k = 0; k < this.nr; k++) widths[k] = (widths[k]! / total) * R;
    this.outerShellWidth = widths[this.nr - 1]!;
    this.shellVolume = new Float64Array(this.nr);
    this.faceArea = new Float64Array(this.nr);
    this.faceConductance = new Float64Array(this.nr);
    let rin = 0;
    for (let k = 0; k < this.nr; k++) {
      const rout = k === this.nr - 1 ? R : rin + widths[k]!;
      this.shellVolume[k] = (rout ** 3 - rin ** 3) / 3;
      this.faceArea[k] = rout * rout;
      if (k + 1 < this.nr) {
        this.faceConductance[k] = (rout * rout) / (0.5 * (widths[k]! + widths[k + 1]!));
      }
      rin = rout;
    }
    this.particleRowScale =
      (FARADAY_C_per_mol * 3 * fractions.ncm * (this.electrodeThickness_m / this.ne)) / R ** 3;
    this.lithiationPerShellSum = 3 / (R ** 3 * this.maxConcentration_mol_per_m3);

    // Tolerances and unknown classes.
    const solver = config.solver ?? {};
    this.solverConfig = solver;
    const rtol = solver.relativeTolerance ?? CELL_DEFAULTS.relativeTolerance;
    const vtol = solver.potentialTolerance_V ?? CELL_DEFAULTS.potentialTolerance_V;
    const qtol = solver.sideStateTolerance ?? CELL_DEFAULTS.sideStateTolerance;
    const oneC = this.referenceCapacity_C_per_m2 / 3600;
    this.differential = new Uint8Array(this.size);
    this.absoluteTolerance = new Float64Array(this.size);
    this.inErrorNorm = new Uint8Array(this.size);
    this.lowerBound = new Float64Array(this.size).fill(Number.NEGATIVE_INFINITY);
    this.upperBound = new Float64Array(this.size).fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < this.ns; i++) {
      this.absoluteTolerance[i] = vtol;
      this.inErrorNorm[i] = 1;
    }
    const jScale = oneC / (this.contactArea_m2_per_m3 * this.electrodeThickness_m);
    for (let e = 0; e < this.ne; e++) {
      const b = this.ns + e * this.block;
      this.absoluteTolerance[b] = vtol;
      this.absoluteTolerance[b + 1] = vtol;
      this.inErrorNorm[b] = 1;
      this.inErrorNorm[b + 1] = 1;
      this.absoluteTolerance[b + 2] = rtol * jScale;
      this.absoluteTolerance[b + 3] = rtol * this.maxConcentration_mol_per_m3;
      for (let k = 0; k <= this.nr; k++) {
        this.lowerBound[b + 3 + k] = 0;
        this.upperBound[b + 3 + k] = LITHIATION_CEILING * this.maxConcentration_mol_per_m3;
      }
      for (let k = 0; k < this.nr; k++) {
        this.differential[b + 4 + k] = 1;
        this.inErrorNorm[b + 4 + k] = 1;
        this.absoluteTolerance[b + 4 + k] = rtol * this.maxConcentration_mol_per_m3;
      }
      for (let q = 0; q < this.nq; q++) {
        this.differential[b + 4 + this.nr + q] = 1;
        this.inErrorNorm[b + 4 + this.nr + q] = 1;
        this.absoluteTolerance[b + 4 + this.nr + q] = qtol;
      }
      if (this.contactLoss) {
        for (let q = 0; q < 2; q++) {
          const i = b + 4 + this.nr + this.nq + q;
          this.differential[i] = 1;
          this.inErrorNorm[i] = 1;
          this.absoluteTolerance[i] = qtol;
          this.lowerBound[i] = 0;
          this.upperBound[i] = 1;
        }
      }
      for (let r = 0; r < this.reactions.length; r++) {
        const vars = this.reactions[r]!.stateVariables;
        for (let q = 0; q < vars.length; q++) {
          const min = vars[q]!.minimum;
          if (min !== undefined)
            this.lowerBound[b + 4 + this.nr + this.reactionOffset[r]! + q] = min;
        }
      }
    }
    this.absoluteTolerance[this.currentIndex] = rtol * oneC;

    this.psi = new Float64Array(this.size);
    this.sigmaIon = new Float64Array(this.ne);
    this.sigmaEl = new Float64Array(this.ne);
    this.sideCurrent = new Float64Array(this.ne);
    this.filmResistance = new Float64Array(this.ne);
    this.seLost = new Float64Array(this.ne);
    this.activeContact = new Float64Array(this.ne).fill(1);
    this.activeSurfaceFraction = new Float64Array(this.ne).fill(this.surfaceFraction);
    this.contactRates = new Float64Array(this.ne * 2);
    this.contactRateSlopes = new Float64Array(this.ne * 4);
    this.dSideDE = new Float64Array(this.ne);
    this.dSideDq = new Float64Array(this.ne * Math.max(1, this.nq));
    this.stateRates = new Float64Array(this.ne * Math.max(1, this.nq));
    this.dRateDE = new Float64Array(this.ne * Math.max(1, this.nq));
    this.dRateDq = new Float64Array(this.ne * Math.max(1, this.nq * this.nq));
    this.stateBuffers = this.reactions.map((r) =>
      new Array<number>(r.stateVariables.length).fill(0),
    );
    this.interfaceConditions = {
      surfaceLithiation: 0.5,
      temperature_K: T,
      filmResistance_ohm_m2: 0,
    };
    this.sideConditions = {
      electrodePotential_V: 0,
      temperature_K: T,
      descriptors: this.descriptors,
    };
  }

  /**
   * Creates the Jacobian matrix for this layout: the particle shells of every node are
   * condensed out and the node-level unknowns form a band of half-width 4 + side states.
   */
  public createMatrix(): ShellCondensedMatrix {
    return new ShellCondensedMatrix({
      size: this.size,
      firstBlock: this.ns,
      blocks: this.ne,
      blockSize: this.block,
      shellOffset: 4,
      shells: this.nr,
    });
  }

  /** Index of φ_e at global x-node i (separator nodes first). */
  public phiEIndex(i: number): number {
    return i < this.ns ? i : this.ns + (i - this.ns) * this.block;
  }

  /** Index of the first unknown of electrode node e (its φ_e). */
  public nodeOffset(e: number): number {
    return this.ns + e * this.block;
  }

  /** Fills an initial state: uniform lithiation, zero potentials, initial side states. */
  public initialState(y: Float64Array): void {
    y.fill(0);
    const c0 = this.initialLithiation * this.maxConcentration_mol_per_m3;
    const U = this.physics.chargeTransfer.openCircuitPotential_V(
      this.initialLithiation,
      this.temperature_K,
    );
    for (let e = 0; e < this.ne; e++) {
      const b = this.nodeOffset(e);
      y[b + 1] = U;
      y[b + 3] = c0;
      for (let k = 0; k < this.nr; k++) y[b + 4 + k] = c0;
      for (let r = 0; r < this.reactions.length; r++) {
        const vars = this.reactions[r]!.stateVariables;
        for (let q = 0; q < vars.length; q++) {
          y[b + 4 + this.nr + this.reactionOffset[r]! + q] = vars[q]!.initial;
        }
      }
    }
  }

  /**
   * Moves every electrode node to zero charge-transfer overpotential: φ_s = φ_e + U(x_s), j = 0.
   * A start for the consistent initialisation after a current reversal, where the linearisation
   * at the old state (e.g. a surface blocked at x_s → 1 at the end of discharge) points Newton
   * kilovolts away.
   */
  public zeroOverpotentials(y: Float64Array): void {
    const cmax = this.maxConcentration_mol_per_m3;
    for (let e = 0; e < this.ne; e++) {
      const b = this.nodeOffset(e);
      const xs = this.guard(y[b + 3]! / cmax);
      y[b + 1] = y[b]! + this.physics.chargeTransfer.openCircuitPotential_V(xs, this.temperature_K);
      y[b + 2] = 0;
    }
  }

  /** Mean lithiation of the NCM at electrode node e (–). */
  public meanLithiation(y: Float64Array, e: number): number {
    const b = this.nodeOffset(e) + 4;
    let s = 0;
    for (let k = 0; k < this.nr; k++) s += this.shellVolume[k]! * y[b + k]!;
    return s * this.lithiationPerShellSum;
  }

  /** Li inventory of the NCM per electrode area, as charge (C/m²). */
  public lithiumCharge_C_per_m2(y: Float64Array): number {
    let s = 0;
    for (let e = 0; e < this.ne; e++) {
      const b = this.nodeOffset(e) + 4;
      let p = 0;
      for (let k = 0; k < this.nr; k++) p += this.shellVolume[k]! * y[b + k]!;
      if (this.contactLoss) {
        // Shells hold the connected NCM (1 − ι); the isolated NCM keeps u of its sites filled.
        const { isolated, isolatedLithiation } = this.contactState(y, e);
        p = (1 - isolated) * p + isolatedLithiation / this.lithiationPerShellSum;
      }
      s += p;
    }
    return s * this.particleRowScale;
  }

  /**
   * Contact-loss state of electrode node e (all 0 without contact loss): lost fraction ℓ of the
   * initial NCM|SE contact, isolated NCM fraction ι and the Li it holds, u (fraction of the
   * node's NCM sites).
   */
  public contactState(
    y: Float64Array,
    e: number,
  ): { lost: number; isolated: number; isolatedLithiation: number } {
    if (!this.contactLoss) return { lost: 0, isolated: 0, isolatedLithiation: 0 };
    const i = this.nodeOffset(e) + 4 + this.nr + this.nq;
    const lost = Math.min(1, Math.max(0, y[i]!));
    return {
      lost,
      isolated: this.contactLoss.isolationPerLoss * lost,
      isolatedLithiation: Math.max(0, y[i + 1]!),
    };
  }

  /** Total side-reaction current per electrode area at the last evaluation (A/m²). */
  public sideCurrentDensity_A_per_m2(): number {
    let s = 0;
    const h = this.electrodeThickness_m / this.ne;
    for (let e = 0; e < this.ne; e++) s += this.sideCurrent[e]! * h;
    return s;
  }

  /**
   * Charge imbalance of a state at the last evaluation: Σ h (a j + i_side) − I (A/m²), the
   * amount by which the interface currents and the cell current disagree (zero at a converged
   * state; the sum of the electronic rows, without their conduction terms, which cancel).
   */
  public chargeImbalance_A_per_m2(y: Float64Array): number {
    const a = this.contactArea_m2_per_m3;
    let s = 0;
    for (let e = 0; e < this.ne; e++) {
      s +=
        this.hx[this.ns + e]! *
        (a * this.activeContact[e]! * y[this.nodeOffset(e) + 2]! + this.sideCurrent[e]!);
    }
    return s - y[this.currentIndex]!;
  }

  /** Cell voltage vs Li-In (V): φ_s at the current collector minus the counter electrode. */
  public voltageVsLiIn_V(y: Float64Array): number {
    const last = this.nodeOffset(this.ne - 1);
    const h = this.hx[this.ns + this.ne - 1]!;
    return (
      y[last + 1]! +
      (y[this.currentIndex]! * h) / (2 * this.sigmaEl[this.ne - 1]!) -
      this.counterElectrodePotentialVsLi_V
    );
  }

  /** Mean film resistance over the electrode at the last evaluation (Ω m²). */
  public meanFilmResistance_ohm_m2(): number {
    let s = 0;
    for (let e = 0; e < this.ne; e++) s += this.filmResistance[e]!;
    return s / this.ne;
  }

  /** Mean electrode SE volume fraction at the last evaluation (–). */
  public meanSeFraction(): number {
    let s = 0;
    for (let e = 0; e < this.ne; e++) s += this.initialSeFraction - this.seLost[e]!;
    return s / this.ne;
  }

  /**
   * Contact-loss terms of node e: remaining contact 1 − ℓ, the surface fraction of the connected
   * NCM f_s (1 − ℓ)/(1 − ι), and the rates dℓ/dt and du/dt = x̄ dι/dt with their slopes in j and
   * ℓ. The NCM delithiates at −dx̄/dt = 3 f_s,act j/(F R c_max) (j > 0 removes contact).
   */
  private contactLossAt(y: Float64Array, e: number, seLost: number): void {
    const law = this.contactLoss!;
    const { lost } = this.contactState(y, e);
    const remaining = 1 - Math.min(lost, 1 - 1e-9);
    const isolated = law.isolationPerLoss * lost;
    const fsAct = (this.surfaceFraction * remaining) / Math.max(1e-9, 1 - isolated);
    this.activeContact[e] = remaining;
    this.activeSurfaceFraction[e] = fsAct;
    const j = y[this.nodeOffset(e) + 2]!;
    const perCurrent =
      (3 * fsAct) / (FARADAY_C_per_mol * this.particleRadius_m * this.maxConcentration_mol_per_m3);
    const x = this.guard(this.meanLithiation(y, e));
    const seRatio = this.initialSeFraction > 0 ? seLost / this.initialSeFraction : 0;
    // The loss is linear in the delithiation rate r > 0 and zero for r ≤ 0; r²/(r + r₀) makes the
    // switch C¹ (a node whose current changes sign near the end of a discharge otherwise makes
    // Newton oscillate across the kink); r₀ = CONTACT_LOSS_RATE_SMOOTHING_PER_S.
    const r = perCurrent * j;
    const r0 = CONTACT_LOSS_RATE_SMOOTHING_PER_S;
    const rEff = r > 0 ? (r * r) / (r + r0) : 0;
    const dREff = r > 0 ? (r * r + 2 * r * r0) / ((r + r0) * (r + r0)) : 0;
    const perRate = law.lossRate(lost, x, 1, seRatio);
    const rate = perRate * rEff;
    const toIsolatedLi = x * law.isolationPerLoss;
    this.contactRates[2 * e] = rate;
    this.contactRates[2 * e + 1] = toIsolatedLi * rate;
    const dj = perRate * dREff * perCurrent;
    const dl = -rate / remaining; // linear in 1 − ℓ
    const slopes = this.contactRateSlopes;
    slopes[4 * e] = dj;
    slopes[4 * e + 1] = dl;
    slopes[4 * e + 2] = toIsolatedLi * dj;
    slopes[4 * e + 3] = toIsolatedLi * dl;
  }

  private guard(x: number): number {
    return Math.min(LITHIATION_CEILING, Math.max(LITHIATION_GUARD, x));
  }

  private chargeTransferCurrent(eta: number, x: number): number {
    const ic = this.interfaceConditions;
    ic.surfaceLithiation = x;
    return this.physics.chargeTransfer.currentDensity_A_per_m2(eta, ic as InterfaceConditions);
  }

  /**
   * d j / d η_total at (η, x_s): the plugin's analytic slope when it has one, else a one-sided
   * difference from `current` = j(η, x_s).
   */
  private chargeTransferSlope(eta: number, x: number, current: number): number {
    const ct = this.physics.chargeTransfer;
    const ic = this.interfaceConditions;
    if (ct.currentDensitySlope_A_per_m2_V !== undefined) {
      ic.surfaceLithiation = x;
      return ct.currentDensitySlope_A_per_m2_V(eta, ic as InterfaceConditions);
    }
    const dEta = 1e-6;
    return (this.chargeTransferCurrent(eta + dEta, x) - current) / dEta;
  }

  /**
   * Evaluates the residual F(y) (and, when `jac` is given, its banded Jacobian ∂F/∂y).
   *
   * @remarks
   * The Jacobian is analytic for the discretisation and uses one-sided differences for the
   * contract calls (BV current, D(x), side-reaction rates). Slow couplings — σ_ion,eff through
   * SE loss, σ_el,eff through the outer-shell lithiation and R_film through side states — are in the
   * residual (fully implicit) but not in the Jacobian (Newton converges linearly on them).
   */
  public evaluate(
    y: Float64Array,
    time_s: number,
    res: Float64Array,
    jac: FactorableMatrix | null,
  ): void {
    const ns = this.ns;
    const ne = this.ne;
    const nr = this.nr;
    const nq = this.nq;
    const T = this.temperature_K;
    const ct = this.physics.chargeTransfer;
    const cmax = this.maxConcentration_mol_per_m3;
    const F = FARADAY_C_per_mol;
    const a = this.contactArea_m2_per_m3;
    const init = this.initialise;
    const cdt = this.cdt;
    const psi = this.psi;
    if (jac !== null) jac.clear();

    // 1. Node-local physics: side reactions, effects, conductivities.
    const sc = this.sideConditions;
    for (let e = 0; e < ne; e++) {
      const b = this.nodeOffset(e);
      // Newton iterates far from the solution are kept inside a physical range for the plugins.
      const E = Math.min(
        ELECTRODE_POTENTIAL_MAX_V,
        Math.max(ELECTRODE_POTENTIAL_MIN_V, y[b + 1]! - y[b]!),
      );
      let iSide = 0;
      let dIdE = 0;
      let film = 0;
      let lost = 0;
      for (let r = 0; r < this.reactions.length; r++) {
        const reaction = this.reactions[r]!;
        const buf = this.stateBuffers[r]!;
        const off = this.reactionOffset[r]!;
        const nv = buf.length;
        const qb = b + 4 + nr + off;
        for (let q = 0; q < nv; q++) buf[q] = y[qb + q]!;
        sc.electrodePotential_V = E;
        const rates = reaction.rates(sc as SideReactionConditions, buf);
        iSide += rates.volumetricCurrent_A_per_m3;
        for (let q = 0; q < nv; q++) this.stateRates[e * nq + off + q] = rates.stateRates[q]!;
        const eff = reaction.effects(sc as SideReactionConditions, buf);
        film += eff.activeMaterialFilmResistance_ohm_m2;
        lost += eff.seVolumeFractionLost;
        if (jac !== null) {
          const dE = 1e-6;
          sc.electrodePotential_V = E + dE;
          const up = reaction.rates(sc as SideReactionConditions, buf);
          sc.electrodePotential_V = E;
          dIdE += (up.volumetricCurrent_A_per_m3 - rates.volumetricCurrent_A_per_m3) / dE;
          for (let q = 0; q < nv; q++) {
            this.dRateDE[e * nq + off + q] = (up.stateRates[q]! - rates.stateRates[q]!) / dE;
          }
          for (let p = 0; p < nv; p++) {
            const saved = buf[p]!;
            const dq = 1e-7 * Math.max(1, Math.abs(saved));
            buf[p] = saved + dq;
            const pert = reaction.rates(sc as SideReactionConditions, buf);
            buf[p] = saved;
            this.dSideDq[e * nq + off + p] =
              (pert.volumetricCurrent_A_per_m3 - rates.volumetricCurrent_A_per_m3) / dq;
            for (let q = 0; q < nv; q++) {
              this.dRateDq[(e * nq + off + q) * nq + off + p] =
                (pert.stateRates[q]! - rates.stateRates[q]!) / dq;
            }
          }
        }
      }
      this.sideCurrent[e] = iSide;
      this.dSideDE[e] = dIdE;
      this.filmResistance[e] = film;
      this.seLost[e] = lost;
      if (this.contactLoss) this.contactLossAt(y, e, lost);
      this.sigmaIon[e] = this.ionTable.at(lost);
      // Electrons cross between particles at their surfaces: the outermost shell's lithiation
      // (≈ 3 % of R at the default mesh) represents the conducting path — a delithiated shell
      // conducts around a lithiated core on charge, a re-lithiated shell blocks on discharge.
      this.sigmaEl[e] = this.electronTable.at(y[b + 4 + nr - 1]! / cmax);
    }

    // 2. Ionic potential rows (separator + electrode).
    const nx = ns + ne;
    const rce = this.counterElectrodeResistance_ohm_m2;
    let gLeft = 1 / (rce + this.hx[0]! / (2 * this.separatorConductivity_S_per_m));
    let prevIdx = -1;
    for (let i = 0; i < nx; i++) {
      const idx = this.phiEIndex(i);
      const sigma = i < ns ? this.separatorConductivity_S_per_m : this.sigmaIon[i - ns]!;
      const h = this.hx[i]!;
      let gRight = 0;
      let nextIdx = -1;
      if (i + 1 < nx) {
        const sigmaN = i + 1 < ns ? this.separatorConductivity_S_per_m : this.sigmaIon[i + 1 - ns]!;
        gRight = 1 / (h / (2 * sigma) + this.hx[i + 1]! / (2 * sigmaN));
        nextIdx = this.phiEIndex(i + 1);
      }
      const phi = y[idx]!;
      const phiPrev = prevIdx >= 0 ? y[prevIdx]! : 0;
      const phiNext = nextIdx >= 0 ? y[nextIdx]! : 0;
      let r = -gRight * (phiNext - phi) + gLeft * (phi - phiPrev);
      if (jac !== null) {
        jac.add(idx, idx, gRight + gLeft);
        if (nextIdx >= 0) jac.add(idx, nextIdx, -gRight);
        if (prevIdx >= 0) jac.add(idx, prevIdx, -gLeft);
      }
      if (i >= ns) {
        const e = i - ns;
        const b = idx;
        const ae = a * this.activeContact[e]!;
        r -= h * (ae * y[b + 2]! + this.sideCurrent[e]!);
        if (jac !== null) {
          jac.add(idx, b + 2, -h * ae);
          const d = this.dSideDE[e]!;
          jac.add(idx, b, h * d);
          jac.add(idx, b + 1, -h * d);
          for (let q = 0; q < nq; q++) jac.add(idx, b + 4 + nr + q, -h * this.dSideDq[e * nq + q]!);
        }
      }
      res[idx] = r;
      gLeft = gRight;
      prevIdx = idx;
    }

    // 3. Electronic rows, charge-transfer rows, particle rows, side-state rows.
    const I = y[this.currentIndex]!;
    const ic = this.interfaceConditions;
    ic.temperature_K = T;
    for (let e = 0; e < ne; e++) {
      const b = this.nodeOffset(e);
      const h = this.hx[ns + e]!;
      const sigma = this.sigmaEl[e]!;
      const phiS = y[b + 1]!;
      // Electronic.
      let r = 0;
      if (e + 1 < ne) {
        const g = 1 / (h / (2 * sigma) + this.hx[ns + e + 1]! / (2 * this.sigmaEl[e + 1]!));
        const nIdx = b + this.block + 1;
        r += -g * (y[nIdx]! - phiS);
        if (jac !== null) {
          jac.add(b + 1, b + 1, g);
          jac.add(b + 1, nIdx, -g);
        }
      } else {
        r += -I;
        if (jac !== null) jac.add(b + 1, this.currentIndex, -1);
      }
      if (e > 0) {
        const g = 1 / (h / (2 * sigma) + this.hx[ns + e - 1]! / (2 * this.sigmaEl[e - 1]!));
        const pIdx = b - this.block + 1;
        r += g * (phiS - y[pIdx]!);
        if (jac !== null) {
          jac.add(b + 1, b + 1, g);
          jac.add(b + 1, pIdx, -g);
        }
      }
      const ae = a * this.activeContact[e]!;
      r += h * (ae * y[b + 2]! + this.sideCurrent[e]!);
      if (jac !== null) {
        jac.add(b + 1, b + 2, h * ae);
        const d = this.dSideDE[e]!;
        jac.add(b + 1, b + 1, h * d);
        jac.add(b + 1, b, -h * d);
        for (let q = 0; q < nq; q++) jac.add(b + 1, b + 4 + nr + q, h * this.dSideDq[e * nq + q]!);
      }
      res[b + 1] = r;

      // Charge transfer: j − BV(φ_s − φ_e − U(x_s), x_s; R_film) = 0.
      const cb = b + 4;
      const j = y[b + 2]!;
      const cs = y[b + 3]!;
      const xs = this.guard(cs / cmax);
      ic.filmResistance_ohm_m2 = this.filmResistance[e]!;
      const U = ct.openCircuitPotential_V(xs, T);
      const eta = phiS - y[b]! - U;
      const gRaw = this.chargeTransferCurrent(eta, xs);
      // Insertion barrier (see SITE_BLOCKING): only for cathodic currents.
      const free = Math.max(0, 1 - xs);
      const blocking = gRaw < 0 ? free / (free + SITE_BLOCKING) : 1;
      const g = gRaw * blocking;
      res[b + 2] = j - g;
      if (jac !== null) {
        const gEta = this.chargeTransferSlope(eta, xs, gRaw) * blocking;
        // Relative step in x and in 1 − x so that the difference stays on one side of any
        // regularisation kink close to x = 1.
        const dx = 1e-4 * Math.max(1e-12, Math.min(xs, Math.abs(1 - xs)));
        const gX = (this.chargeTransferCurrent(eta, xs - dx) - gRaw) / -dx;
        const dUdx = ct.openCircuitPotentialSlope_V(xs, T);
        const dBlock = gRaw < 0 ? -SITE_BLOCKING / (free + SITE_BLOCKING) ** 2 : 0;
        const dgdx = (gEta / (blocking || 1)) * -dUdx * blocking + gX * blocking + gRaw * dBlock;
        jac.add(b + 2, b + 1, -gEta);
        jac.add(b + 2, b, gEta);
        jac.add(b + 2, b + 2, 1);
        jac.add(b + 2, b + 3, -dgdx / cmax);
      }

      // Surface concentration: half-shell flux (2/Δr) ∫_{c_s}^{c_last} D dc = f_s j / F, written
      // in A/m² of contact area (Kirchhoff form, monotone for any D(x)).
      const fs = this.activeSurfaceFraction[e]!;
      const cLast = y[cb + nr - 1]!;
      const kSurf = (2 * F) / (this.outerShellWidth * fs);
      const kirchhoff = this.kirchhoff;
      res[b + 3] = kSurf * (kirchhoff.value(cLast) - kirchhoff.value(cs)) - j;
      if (jac !== null) {
        jac.add(b + 3, cb + nr - 1, kSurf * kirchhoff.slope(cLast));
        jac.add(b + 3, b + 3, -kSurf * kirchhoff.slope(cs));
        jac.add(b + 3, b + 2, -1);
      }

      // Particle shells: w [V_k ċ_k + N_{k+½} − N_{k−½}] with N_R = R² f_s j / F.
      const w = this.particleRowScale;
      let fluxIn = 0; // N_{k−½}
      let dIn_dcPrev = 0;
      let dIn_dcSelf = 0;
      let kSelf = kirchhoff.value(y[cb]!);
      for (let k = 0; k < nr; k++) {
        const ck = y[cb + k]!;
        let fluxOut: number;
        let dOut_dcSelf = 0;
        let dOut_dcNext = 0;
        if (k + 1 < nr) {
          const cn = y[cb + k + 1]!;
          const geom = this.faceConductance[k]!;
          const kNext = kirchhoff.value(cn);
          fluxOut = -geom * (kNext - kSelf);
          kSelf = kNext;
          if (jac !== null) {
            dOut_dcSelf = geom * kirchhoff.slope(ck);
            dOut_dcNext = -geom * kirchhoff.slope(cn);
          }
        } else {
          fluxOut = (this.faceArea[k]! * fs * y[b + 2]!) / F;
        }
        let r = fluxOut - fluxIn;
        if (init) {
          r = this.shellVolume[k]! * (ck - psi[cb + k]!);
        } else {
          r += this.shellVolume[k]! * cdt * (ck - psi[cb + k]!);
        }
        res[cb + k] = w * r;
        if (jac !== null) {
          if (init) {
            jac.add(cb + k, cb + k, w * this.shellVolume[k]!);
          } else {
            jac.add(cb + k, cb + k, w * (this.shellVolume[k]! * cdt + dOut_dcSelf - dIn_dcSelf));
            if (k + 1 < nr) jac.add(cb + k, cb + k + 1, w * dOut_dcNext);
            else jac.add(cb + k, b + 2, (w * this.faceArea[k]! * fs) / F);
            if (k > 0) jac.add(cb + k, cb + k - 1, -w * dIn_dcPrev);
          }
        }
        fluxIn = fluxOut;
        dIn_dcPrev = dOut_dcSelf; // ∂N_{k+½}/∂c_k, seen from shell k+1 as its "previous"
        dIn_dcSelf = dOut_dcNext;
      }

      // Side-reaction states: cdt (q − ψ) − rate = 0.
      const qb = cb + nr;
      for (let q = 0; q < nq; q++) {
        if (init) {
          res[qb + q] = y[qb + q]! - psi[qb + q]!;
          if (jac !== null) jac.add(qb + q, qb + q, 1);
          continue;
        }
        res[qb + q] = cdt * (y[qb + q]! - psi[qb + q]!) - this.stateRates[e * nq + q]!;
        if (jac !== null) {
          jac.add(qb + q, qb + q, cdt);
          const dE = this.dRateDE[e * nq + q]!;
          jac.add(qb + q, b + 1, -dE);
          jac.add(qb + q, b, dE);
          for (let p = 0; p < nq; p++) {
            const d = this.dRateDq[(e * nq + q) * nq + p]!;
            if (d !== 0) jac.add(qb + q, qb + p, -d);
          }
        }
      }
    }

    // 4. Contact-loss states: cdt (q − ψ) − rate = 0 (frozen at ψ while initialising).
    if (this.contactLoss) {
      for (let e = 0; e < ne; e++) {
        const b = this.nodeOffset(e);
        const qb = b + 4 + nr + nq;
        for (let q = 0; q < 2; q++) {
          const i = qb + q;
          if (init) {
            res[i] = y[i]! - psi[i]!;
            if (jac !== null) jac.add(i, i, 1);
            continue;
          }
          res[i] = cdt * (y[i]! - psi[i]!) - this.contactRates[2 * e + q]!;
          if (jac !== null) {
            jac.add(i, i, cdt);
            jac.add(i, b + 2, -this.contactRateSlopes[4 * e + 2 * q]!);
            jac.add(i, qb, -this.contactRateSlopes[4 * e + 2 * q + 1]!);
          }
        }
      }
    }

    // 5. External circuit.
    const ci = this.currentIndex;
    if (this.mode === 'current') {
      res[ci] = I - this.setPoint(time_s);
      if (jac !== null) jac.add(ci, ci, 1);
    } else {
      const last = this.nodeOffset(ne - 1);
      const h = this.hx[ns + ne - 1]!;
      const sigma = this.sigmaEl[ne - 1]!;
      // Scaled by the separator conductance so the row is in A/m² like the others.
      const scale = this.separatorConductivity_S_per_m / this.separatorThickness_m;
      const V = y[last + 1]! + (I * h) / (2 * sigma) - this.counterElectrodePotentialVsLi_V;
      res[ci] = scale * (V - this.setPoint(time_s));
      if (jac !== null) {
        jac.add(ci, last + 1, scale);
        jac.add(ci, ci, (scale * h) / (2 * sigma));
      }
    }
  }
}
