// Parameters of the electrolyte, counter-electrode and binder materials with units, defaults,
// allowed ranges and sources (shared/physics/parameters.md §2, §5, §9), and override validation.
import { boundedNumber, type NumberBounds, parseInput } from '@solidcell/core';
import { z } from 'zod';

/** Li6PS5Cl argyrodite parameters (parameters.md §2, §5). */
export interface Li6ps5clParameters {
  /** Density (kg/m³). Default 1860: Kim 2024 Archimedes; crystallographic 1865 (§2). */
  readonly density_kg_per_m3: number;
  /**
   * Pellet Li⁺ conductivity at 25 °C (S/m). Default 0.2 (2 mS/cm): Yu et al. 2016; Kraft et al.
   * 2017; commercial powders 1.5–3 mS/cm (§5).
   */
  readonly ionicConductivity25_S_per_m: number;
  /** Activation energy of σ_ion (eV). Default 0.35: Kraft 2017; Hanghofer 2019 (§5). */
  readonly ionicActivationEnergy_eV: number;
  /** Electronic conductivity (S/m). Default 1e-7: argyrodites are insulators (§5, low confidence). */
  readonly electronicConductivity_S_per_m: number;
}

/** Li-In counter-electrode parameters (parameters.md §9). */
export interface LiInParameters {
  /** Equilibrium potential vs Li/Li⁺ (V). Default 0.62: In/InLi plateau 0.622 V (Braun 2024, §9). */
  readonly potentialVsLi_V: number;
  /**
   * Area-specific kinetic resistance per electrode area (Ω m²). Default 1e-4 (1 Ω cm²): an
   * assumption consistent with parameters.md §9 ("non-polarizable at ≤ 2 mA/cm²": ≤ 2 mV at
   * 2 mA/cm²); no direct measurement is given by the sources.
   */
  readonly areaSpecificResistance_ohm_m2: number;
  /** Density (kg/m³). Default 7310: indium metal (handbook); bookkeeping only, not in the cathode. */
  readonly density_kg_per_m3: number;
  /** Electronic conductivity (S/m). Default 1.2e7: indium metal, ρ ≈ 84 nΩ m (handbook). */
  readonly electronicConductivity_S_per_m: number;
}

/** PTFE binder parameters. */
export interface PtfeParameters {
  /** Density (kg/m³). Default 2200: handbook 2150–2200 (core `PTFE_DENSITY_kg_per_m3`). */
  readonly density_kg_per_m3: number;
}

/** All parameters of the materials plugin. */
export interface MaterialsParameters {
  readonly li6ps5cl: Li6ps5clParameters;
  readonly liIn: LiInParameters;
  readonly ptfe: PtfeParameters;
}

/** Overrides accepted by `createMaterialsPlugin`: any subset of any group. */
export interface MaterialsOverrides {
  readonly li6ps5cl?: Partial<Li6ps5clParameters>;
  readonly liIn?: Partial<LiInParameters>;
  readonly ptfe?: Partial<PtfeParameters>;
}

/** Default parameters (parameters.md §10). */
export const DEFAULT_MATERIALS_PARAMETERS: MaterialsParameters = Object.freeze({
  li6ps5cl: Object.freeze({
    density_kg_per_m3: 1860,
    ionicConductivity25_S_per_m: 0.2,
    ionicActivationEnergy_eV: 0.35,
    electronicConductivity_S_per_m: 1e-7,
  }),
  liIn: Object.freeze({
    potentialVsLi_V: 0.62,
    areaSpecificResistance_ohm_m2: 1e-4,
    density_kg_per_m3: 7310,
    electronicConductivity_S_per_m: 1.2e7,
  }),
  ptfe: Object.freeze({ density_kg_per_m3: 2200 }),
});

/** Allowed ranges (parameters.md "Range" columns; handbook spreads where the file has none). */
export const MATERIALS_PARAMETER_BOUNDS = Object.freeze({
  li6ps5cl: {
    density_kg_per_m3: { min: 1640, max: 1870, unit: 'kg/m³' },
    ionicConductivity25_S_per_m: { min: 0.1, max: 0.4, unit: 'S/m' },
    ionicActivationEnergy_eV: { min: 0.28, max: 0.42, unit: 'eV' },
    electronicConductivity_S_per_m: { min: 1e-8, max: 1e-6, unit: 'S/m' },
  },
  liIn: {
    potentialVsLi_V: { min: 0.6, max: 0.63, unit: 'V' },
    areaSpecificResistance_ohm_m2: { min: 0, max: 1e-2, unit: 'Ω m²' },
    density_kg_per_m3: { min: 500, max: 7400, unit: 'kg/m³' },
    electronicConductivity_S_per_m: { min: 1e5, max: 1e8, unit: 'S/m' },
  },
  ptfe: {
    density_kg_per_m3: { min: 2100, max: 2300, unit: 'kg/m³' },
  },
} satisfies {
  readonly [G in keyof MaterialsParameters]: Record<keyof MaterialsParameters[G], NumberBounds>;
});

function groupSchema(bounds: Readonly<Record<string, NumberBounds>>) {
  return z
    .strictObject(
      Object.fromEntries(Object.entries(bounds).map(([field, b]) => [field, boundedNumber(b)])),
    )
    .partial();
}

/** Schema of {@link MaterialsOverrides} (unknown groups and fields rejected). */
export const materialsOverridesSchema = z
  .strictObject({
    li6ps5cl: groupSchema(MATERIALS_PARAMETER_BOUNDS.li6ps5cl),
    liIn: groupSchema(MATERIALS_PARAMETER_BOUNDS.liIn),
    ptfe: groupSchema(MATERIALS_PARAMETER_BOUNDS.ptfe),
  })
  .partial();

function definedOnly<T extends object>(
  group: Readonly<Record<string, unknown>> | undefined,
): Partial<T> {
  return Object.fromEntries(
    Object.entries(group ?? {}).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/**
 * Merges overrides into {@link DEFAULT_MATERIALS_PARAMETERS}.
 *
 * @throws SolidCellError `E_INVALID_INPUT` naming the dotted field (e.g.
 * `materials.li6ps5cl.ionicActivationEnergy_eV`), its value and the allowed range.
 */
export function resolveMaterialsParameters(
  overrides: MaterialsOverrides = {},
  root = 'materials',
): MaterialsParameters {
  const parsed = parseInput(materialsOverridesSchema, overrides, root);
  const d = DEFAULT_MATERIALS_PARAMETERS;
  return Object.freeze({
    li6ps5cl: Object.freeze({ ...d.li6ps5cl, ...definedOnly<Li6ps5clParameters>(parsed.li6ps5cl) }),
    liIn: Object.freeze({ ...d.liIn, ...definedOnly<LiInParameters>(parsed.liIn) }),
    ptfe: Object.freeze({ ...d.ptfe, ...definedOnly<PtfeParameters>(parsed.ptfe) }),
  });
}
