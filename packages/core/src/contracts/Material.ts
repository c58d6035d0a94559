// The Material contract: a phase of the composite with its density and intrinsic transport.
import type { ServiceIdentifier } from 'inversify';
import type { CarbonShape } from '../composition/referenceDensities.js';

/** What a material is for in the cell; the cell model picks materials by role. */
export type MaterialRole =
  | 'active-material'
  | 'solid-electrolyte'
  | 'carbon-additive'
  | 'binder'
  | 'counter-electrode';

/** Local conditions a material property may depend on. */
export interface MaterialConditions {
  /** Temperature (K). */
  readonly temperature_K: number;
  /** Li site fraction x_Li of an intercalation material (0 = fully delithiated, 1 = lithiated). */
  readonly lithiation?: number;
}

/**
 * A phase of the composite electrode (or the counter electrode).
 *
 * @remarks
 * Lifecycle: created once per container (singleton); all methods are pure functions of their
 * arguments. `density_kg_per_m3` is the density used for volume bookkeeping (mechanism M1): for
 * porous aggregates such as carbon black this is the *apparent* (envelope) density.
 * @see shared/physics/model.md, M1 and M3.
 */
export interface Material {
  /** Stable id, e.g. `"ncm811"`, `"li6ps5cl"`, `"carbon-black"`. */
  readonly id: string;
  /** Human-readable name. */
  readonly name: string;
  /** Role in the cell. */
  readonly role: MaterialRole;
  /** Density for volume bookkeeping (kg/m³), > 0. */
  readonly density_kg_per_m3: number;
  /** Intrinsic Li⁺ conductivity (S/m), ≥ 0. */
  ionicConductivity_S_per_m(conditions: MaterialConditions): number;
  /** Intrinsic electronic conductivity (S/m), ≥ 0. */
  electronicConductivity_S_per_m(conditions: MaterialConditions): number;
}

/** An intercalation active material such as NCM811. */
export interface ActiveMaterial extends Material {
  readonly role: 'active-material';
  /** Molar mass of the lithiated formula unit (kg/mol). */
  readonly molarMass_kg_per_mol: number;
  /** Maximum Li concentration in the lattice (mol/m³), c_max = ρ/M. */
  readonly maxConcentration_mol_per_m3: number;
  /** Specific capacity that defines 1C (C/kg), e.g. 200 mAh/g. */
  readonly referenceCapacity_C_per_kg: number;
  /** Mean secondary-particle radius (m). */
  readonly particleRadius_m: number;
}

/** A carbon additive; it needs two densities (parameters.md §2). */
export interface CarbonAdditive extends Material {
  readonly role: 'carbon-additive';
  /** Particle shape that decides its placement (M2). */
  readonly shape: CarbonShape;
  /** Skeletal density (kg/m³), used for mass ↔ surface-area geometry only. */
  readonly skeletalDensity_kg_per_m3: number;
  /** BET specific surface area (m²/kg). */
  readonly specificSurfaceArea_m2_per_kg: number;
}

/**
 * A counter electrode (e.g. Li-In): a fixed equilibrium potential plus a small area-specific
 * kinetic resistance, so its polarisation is `current density × areaSpecificResistance_ohm_m2`.
 */
export interface CounterElectrode extends Material {
  readonly role: 'counter-electrode';
  /** Equilibrium potential vs Li/Li⁺ (V). */
  readonly potentialVsLi_V: number;
  /** Area-specific kinetic (charge-transfer) resistance per electrode area (Ω m²), ≥ 0. */
  readonly areaSpecificResistance_ohm_m2: number;
}

/** Service identifier of {@link Material} (multi-binding: one per phase, selected by id or role). */
export const Material: ServiceIdentifier<Material> = Symbol.for('@solidcell/core/Material');

/** True when a material is an {@link ActiveMaterial}. */
export function isActiveMaterial(material: Material): material is ActiveMaterial {
  return material.role === 'active-material';
}

/** True when a material is a {@link CarbonAdditive}. */
export function isCarbonAdditive(material: Material): material is CarbonAdditive {
  return material.role === 'carbon-additive';
}

/** True when a material is a {@link CounterElectrode} (role and both numeric fields present). */
export function isCounterElectrode(material: Material): material is CounterElectrode {
  const candidate = material as Partial<CounterElectrode>;
  return (
    material.role === 'counter-electrode' &&
    typeof candidate.potentialVsLi_V === 'number' &&
    typeof candidate.areaSpecificResistance_ohm_m2 === 'number'
  );
}
