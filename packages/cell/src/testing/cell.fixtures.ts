// Test fixtures: simple implementations of the core contracts (OCP of parameters.md §7.1,
// Butler–Volmer, D(x), a Bruggeman transport, a toy side reaction) and a default cell config.
import type {
  ActiveMaterial,
  ChargeTransfer,
  ElectrodeVolumeFractions,
  InterfaceConditions,
  Material,
  SideReaction,
  SideReactionConditions,
  Transport,
  TransportQuery,
} from '@solidcell/core';
import type { CellModelConfig, CellPhysics } from '../model/CellConfig.js';

const F = 96485.33212;
const R = 8.314462618;
/** Practical window: x from 1 (discharged) to 1 − 200/275.5 (charged). */
export const X_CHARGED = 1 - 200 / 275.5;

/** Chen 2020 OCP (V vs Li) with s = 0.9084 − 0.6423 θ, θ = (1 − x)·275.5/200 (§7.1). */
export function fixtureOcp(x: number): number {
  const theta = ((1 - x) * 275.5) / 200;
  const s = 0.9084 - 0.6423 * theta;
  return (
    -0.809 * s +
    4.4875 -
    0.0428 * Math.tanh(18.5138 * (s - 0.5542)) -
    17.7326 * Math.tanh(15.789 * (s - 0.3117)) +
    17.5842 * Math.tanh(15.9308 * (s - 0.312))
  );
}

/** D(x) = 4e-15 × 10^(−2 max(0, (x − 0.85)/0.15)) m²/s (§7). */
export function fixtureDiffusivity(x: number, scale = 1): number {
  return scale * 4e-15 * 10 ** (-2 * Math.max(0, (x - 0.85) / 0.15));
}

/** Options of {@link fixtureChargeTransfer}. */
export interface FixtureChargeTransferOptions {
  readonly i0_A_per_m2?: number;
  readonly diffusivityScale?: number;
  /** Constant diffusivity instead of the x-dependent law (m²/s). */
  readonly constantDiffusivity_m2_per_s?: number;
}

/** Exchange current density i0,ref·2√(x(1−x)) with x kept in [1e-6, 1 − 1e-6] (as the NCM plugin). */
export function fixtureI0(x: number, i0: number): number {
  const xc = Math.min(1 - 1e-6, Math.max(1e-6, x));
  return i0 * 2 * Math.sqrt(xc * (1 - xc));
}

/** Symmetric Butler–Volmer ChargeTransfer with film resistance solved by Newton. */
export function fixtureChargeTransfer(options: FixtureChargeTransferOptions = {}): ChargeTransfer {
  const i0ref = options.i0_A_per_m2 ?? 1;
  return {
    id: 'fixture-ct',
    activeMaterialId: 'fixture-ncm',
    lithiationWindow: { discharged: 1, charged: X_CHARGED },
    openCircuitPotential_V: (x) => fixtureOcp(x),
    openCircuitPotentialSlope_V: (x) => (fixtureOcp(x + 1e-6) - fixtureOcp(x - 1e-6)) / 2e-6,
    exchangeCurrentDensity_A_per_m2: (c: InterfaceConditions) =>
      fixtureI0(c.surfaceLithiation, i0ref),
    currentDensity_A_per_m2: (eta: number, c: InterfaceConditions) => {
      const i0 = fixtureI0(c.surfaceLithiation, i0ref);
      const f = F / (2 * R * c.temperature_K);
      const rf = c.filmResistance_ohm_m2 ?? 0;
      if (rf === 0) return 2 * i0 * Math.sinh(f * eta);
      // j = 2 i0 sinh(f (η − j R_f)): monotone, solve by safeguarded Newton.
      let j = 0;
      for (let k = 0; k < 60; k++) {
        const arg = f * (eta - j * rf);
        const g = j - 2 * i0 * Math.sinh(arg);
        const dg = 1 + 2 * i0 * Math.cosh(arg) * f * rf;
        const step = g / dg;
        j -= step;
        if (Math.abs(step) < 1e-14 * (1 + Math.abs(j))) break;
      }
      return j;
    },
    solidDiffusivity_m2_per_s: (x) =>
      options.constantDiffusivity_m2_per_s ?? fixtureDiffusivity(x, options.diffusivityScale ?? 1),
  };
}

/** NCM811 fixture material (ρ 4760, M 97.28 g/mol, c_max 48 930, 200 mAh/g, R 5 µm). */
export function fixtureActiveMaterial(particleRadius_m = 5e-6): ActiveMaterial {
  return {
    id: 'fixture-ncm',
    name: 'fixture NCM811',
    role: 'active-material',
    density_kg_per_m3: 4760,
    molarMass_kg_per_mol: 0.09728,
    maxConcentration_mol_per_m3: 4760 / 0.09728,
    referenceCapacity_C_per_kg: 200 * 3600,
    particleRadius_m,
    ionicConductivity_S_per_m: () => 0,
    electronicConductivity_S_per_m: (c) => {
      const x = c.lithiation ?? 1;
      const t = Math.min(1, (1 - x) / 0.5);
      return 10 ** (-3 + 3 * t);
    },
  };
}

/** Li6PS5Cl fixture: 0.2 S/m at 25 °C with 0.35 eV activation (§5). */
export function fixtureElectrolyte(sigma25_S_per_m = 0.2): Material {
  return {
    id: 'fixture-se',
    name: 'fixture Li6PS5Cl',
    role: 'solid-electrolyte',
    density_kg_per_m3: 1860,
    ionicConductivity_S_per_m: (c) =>
      sigma25_S_per_m * Math.exp((-0.35 / 8.617333262e-5) * (1 / c.temperature_K - 1 / 298.15)),
    electronicConductivity_S_per_m: () => 1e-7,
  };
}

/** Bruggeman-type transport: σ_eff = σ_SE φ_SE^α (ionic), σ_NCM φ_NCM^1.5 + σ_C φ_C^2 (electronic). */
export function fixtureTransport(
  options: { ionicScale?: number; electronicScale?: number } = {},
): Transport {
  return {
    id: 'fixture-transport',
    method: 'effective-medium',
    effectiveConductivity: (query: TransportQuery) => {
      const vf = query.microstructure.descriptors.volumeFractions;
      const p = query.phaseConductivity_S_per_m;
      const sigma =
        query.path === 'ionic'
          ? (options.ionicScale ?? 1) * p.se * vf.se ** 3
          : (options.electronicScale ?? 1) * (p.ncm * vf.ncm ** 1.5 + p.carbon * vf.carbon ** 2);
      return { conductivity_S_per_m: sigma, tortuosityFactor: 1, currentCarryingFraction: 1 };
    },
  };
}

/**
 * Toy side reaction on the carbon|SE area: i = k F exp(α F (E − U)/RT) exp(−q/q*) per area,
 * state q (C/m² of carbon area); film R_f = ρ_f q and SE loss ∝ q.
 */
export function fixtureSideReaction(
  options: {
    rate_A_per_m2?: number;
    onset_V?: number;
    filmPerCharge_ohm_m4_per_C?: number;
    seLossPerCharge?: number;
  } = {},
): SideReaction {
  const k = options.rate_A_per_m2 ?? 1e-6;
  const onset = options.onset_V ?? 3.6;
  const rho = options.filmPerCharge_ohm_m4_per_C ?? 2e-4;
  const loss = options.seLossPerCharge ?? 1e-4;
  const qStar = 20;
  return {
    id: 'fixture-side',
    sites: ['carbon|electrolyte'],
    stateVariables: [{ name: 'passivationCharge_C_per_m2', initial: 0, minimum: 0 }],
    rates: (c: SideReactionConditions, state: readonly number[]) => {
      const q = state[0]!;
      const area = c.descriptors.interfaceAreaPerVolume_m2_per_m3.carbon_se;
      const i =
        k *
        Math.exp((0.5 * F * (c.electrodePotential_V - onset)) / (R * c.temperature_K)) *
        Math.exp(-Math.max(0, q) / qStar);
      return { volumetricCurrent_A_per_m3: i * area, stateRates: [i] };
    },
    effects: (_c: SideReactionConditions, state: readonly number[]) => ({
      activeMaterialFilmResistance_ohm_m2: rho * Math.max(0, state[0]!),
      seVolumeFractionLost: loss * Math.max(0, state[0]!),
    }),
  };
}

/** Carbon additive fixture (62 m²/g BET, apparent 670 kg/m³). */
export function fixtureCarbon(): Material {
  return {
    id: 'fixture-carbon',
    name: 'fixture carbon black',
    role: 'carbon-additive',
    density_kg_per_m3: 670,
    ionicConductivity_S_per_m: () => 0,
    electronicConductivity_S_per_m: () => 500,
    ...{
      shape: 'spherical',
      skeletalDensity_kg_per_m3: 1900,
      specificSurfaceArea_m2_per_kg: 62_000,
    },
  } as Material;
}

/** 80/17/3 wt% SC electrode fractions with 10 % porosity (parameters.md §1). */
export const FIXTURE_FRACTIONS: ElectrodeVolumeFractions = {
  ncm: 0.552 * 0.9,
  se: 0.3 * 0.9,
  carbon: 0.148 * 0.9,
  binder: 0,
  pore: 0.1,
};

/** Physics set of fixtures. */
export function fixturePhysics(overrides: Partial<CellPhysics> = {}): CellPhysics {
  return {
    chargeTransfer: fixtureChargeTransfer(),
    activeMaterial: fixtureActiveMaterial(),
    electrolyte: fixtureElectrolyte(),
    carbon: fixtureCarbon(),
    transport: fixtureTransport(),
    sideReactions: [],
    ...overrides,
  };
}

/** A small fast cell: 2 mAh/cm² (72 000 C/m²), coarse mesh unless overridden. */
export function fixtureConfig(overrides: Partial<CellModelConfig> = {}): CellModelConfig {
  return {
    physics: fixturePhysics(),
    electrode: { volumeFractions: FIXTURE_FRACTIONS, arealCapacity_C_per_m2: 72_000 },
    mesh: { electrodeNodes: 8, separatorNodes: 2, particleShells: 10 },
    ...overrides,
  };
}
