// The PTFE binder of dry electrodes: an inert, insulating phase that only takes volume (M1).
import type { Material, MaterialConditions } from '@solidcell/core';
import { DEFAULT_MATERIALS_PARAMETERS, type PtfeParameters } from './parameters.js';

/** Material id of {@link Ptfe}. */
export const PTFE_MATERIAL_ID = 'ptfe';

/**
 * Polytetrafluoroethylene binder (role `binder`).
 *
 * @remarks
 * Density 2200 kg/m³ (handbook 2150–2200). Ionic conductivity 0; electronic conductivity 1e-16 S/m
 * (volume resistivity > 1e16 Ω m, handbook) — an insulator for both carriers.
 */
export class Ptfe implements Material {
  public readonly id = PTFE_MATERIAL_ID;
  public readonly name = 'PTFE binder';
  public readonly role = 'binder' as const;
  /** Density (kg/m³). */
  public readonly density_kg_per_m3: number;

  public constructor(parameters: PtfeParameters = DEFAULT_MATERIALS_PARAMETERS.ptfe) {
    this.density_kg_per_m3 = parameters.density_kg_per_m3;
  }

  /** Li⁺ conductivity (S/m): 0. */
  public ionicConductivity_S_per_m(_conditions: MaterialConditions): number {
    return 0;
  }

  /** Electronic conductivity (S/m): 1e-16. */
  public electronicConductivity_S_per_m(_conditions: MaterialConditions): number {
    return 1e-16;
  }
}
