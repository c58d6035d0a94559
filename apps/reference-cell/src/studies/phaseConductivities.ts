// Bulk conductivity of every voxel phase for the ionic and the electronic path, from the
// composed Material plugins.
import type { CarbonShape, CellComponents, ElectrodePhase, TransportPath } from '@solidcell/core';

/** Per-phase conductivities (S/m) of one path. */
export type PhaseConductivities = Readonly<Record<ElectrodePhase, number>>;

/**
 * Conductivities for a transport path at a temperature.
 *
 * @remarks
 * Ionic: Li⁺ moves only through the SE (model.md M3). Electronic: NCM at the given lithiation
 * (default 1, the as-made discharged state, where NCM811 conducts worst), carbon, and the SE's
 * residual electronic conductivity. Pores and binder insulate.
 */
export function phaseConductivities(
  cell: CellComponents,
  carbonShape: CarbonShape,
  path: TransportPath,
  temperature_K: number,
  ncmLithiation = 1,
): PhaseConductivities {
  const se = cell.material('solid-electrolyte');
  if (path === 'ionic') {
    return {
      ncm: 0,
      se: se.ionicConductivity_S_per_m({ temperature_K }),
      carbon: 0,
      binder: 0,
      pore: 0,
    };
  }
  const ncm = cell.material('active-material');
  const carbon = cell.material(
    'carbon-additive',
    carbonShape === 'spherical' ? 'carbon-black' : 'carbon-fiber',
  );
  return {
    ncm: ncm.electronicConductivity_S_per_m({ temperature_K, lithiation: ncmLithiation }),
    se: se.electronicConductivity_S_per_m({ temperature_K }),
    carbon: carbon.electronicConductivity_S_per_m({ temperature_K }),
    binder: 0,
    pore: 0,
  };
}
