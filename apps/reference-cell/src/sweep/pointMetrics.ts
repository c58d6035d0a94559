// Reduces a sweep point's simulation (formation, rate test, optional cycling) to its metrics:
// electrode specific energy and energy density, formation capacities, capacity per C-rate,
// retention, fresh σ_ion and σ_el, SE oxidised and side-reaction charge.
import type { SimulationResult } from '@solidcell/cell';

/** Metric column name → value; NaN where the experiment did not run. */
export type PointMetrics = Readonly<Record<string, number>>;

/** What the reduction needs besides the simulation result. */
export interface PointMetricContext {
  /** NCM mass fraction of the composite electrode (–): electrode mass = NCM mass / this. */
  readonly ncmMassFraction: number;
  readonly rateCRates: readonly number[];
  readonly cycling: boolean;
  readonly sigmaIon_S_per_m: number;
  readonly sigmaEl_S_per_m: number;
}

/** Column name of the discharge capacity at a C-rate, e.g. `dischargeCapacity_0p1C_mAh_per_g`. */
export function rateCapacityColumn(cRate: number): string {
  return `dischargeCapacity_${String(cRate).replace('.', 'p')}C_mAh_per_g`;
}

const SECONDS_PER_HOUR = 3600;
const LITRES_PER_M3 = 1000;

/**
 * The metrics of one point.
 *
 * @remarks
 * Energies are of the formation discharge (0.05C), vs Li/Li⁺ (the Li-In potential added to the
 * simulated voltage vs Li-In), per kg of composite electrode (NCM + SE + carbon + binder; no
 * current collector, separator or anode) and per litre of composite electrode.
 * Cycle 1 is formation, cycles 2 … 1 + rates the rate test, the rest cycling; retention is the
 * last cycling discharge over the first (NaN with fewer than two cycling cycles). With a design
 * `protocol` there is no rate test: cycle 1 is its first cycle and the rest count as cycling.
 * σ are those of the fresh electrode (see runPoint.ts).
 */
export function pointMetrics(result: SimulationResult, context: PointMetricContext): PointMetrics {
  const { cycles, cell, timeSeries } = result;
  const formation = cycles[0];
  const ncmMass_kg_per_m2 = cell.ncmArealMass_kg_per_m2;
  const electrodeMass_kg_per_m2 = ncmMass_kg_per_m2 / context.ncmMassFraction;
  const dischargeEnergy_J_per_m2 = formation
    ? formation.dischargeEnergy_J_per_m2 +
      cell.counterElectrodePotentialVsLi_V * formation.dischargeCapacity_C_per_m2
    : Number.NaN;
  const rate = Object.fromEntries(
    context.rateCRates.map((cRate, k) => [
      rateCapacityColumn(cRate),
      cycles[k + 1]?.dischargeCapacity_mAh_per_g ?? Number.NaN,
    ]),
  );
  const cyclingCycles = context.cycling ? cycles.slice(1 + context.rateCRates.length) : [];
  const firstCycling = cyclingCycles[0]?.dischargeCapacity_mAh_per_g;
  const lastCycling = cyclingCycles.at(-1)?.dischargeCapacity_mAh_per_g;
  const se0 = timeSeries.seVolumeFraction[0] ?? Number.NaN;
  const seEnd = timeSeries.seVolumeFraction.at(-1) ?? Number.NaN;
  const sideCharge_C_per_m2 = timeSeries.sideReactionCharge_C_per_m2.at(-1) ?? Number.NaN;
  return {
    specificEnergy_Wh_per_kg: dischargeEnergy_J_per_m2 / electrodeMass_kg_per_m2 / SECONDS_PER_HOUR,
    energyDensity_Wh_per_L:
      dischargeEnergy_J_per_m2 / cell.electrodeThickness_m / SECONDS_PER_HOUR / LITRES_PER_M3,
    firstChargeCapacity_mAh_per_g: formation?.chargeCapacity_mAh_per_g ?? Number.NaN,
    firstDischargeCapacity_mAh_per_g: formation?.dischargeCapacity_mAh_per_g ?? Number.NaN,
    irreversibleCapacity_mAh_per_g: formation?.irreversibleCapacity_mAh_per_g ?? Number.NaN,
    initialCoulombicEfficiency_pct: 100 * (formation?.coulombicEfficiency ?? Number.NaN),
    ...rate,
    retention_pct:
      cyclingCycles.length >= 2 &&
      firstCycling !== undefined &&
      lastCycling !== undefined &&
      firstCycling > 0
        ? (100 * lastCycling) / firstCycling
        : Number.NaN,
    sigmaIon_S_per_m: context.sigmaIon_S_per_m,
    sigmaEl_S_per_m: context.sigmaEl_S_per_m,
    seOxidised_pct: (100 * (se0 - seEnd)) / se0,
    // C/m² ÷ kg/m² = C/kg; ÷ 3600 → Ah/kg = mAh/g.
    sideReactionCharge_mAh_per_g: sideCharge_C_per_m2 / ncmMass_kg_per_m2 / SECONDS_PER_HOUR,
  };
}

/** The metric columns a design's metric names select (`rateCapacity_mAh_per_g` → one per rate). */
export function metricColumns(names: readonly string[], rateCRates: readonly number[]): string[] {
  return names.flatMap((name) =>
    name === 'rateCapacity_mAh_per_g' ? rateCRates.map(rateCapacityColumn) : [name],
  );
}
