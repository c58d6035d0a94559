// Names the physical state behind a solver failure of a current step: an NCM surface at full
// (de)lithiation that the step would drive further, SE used up by oxidation, side reactions
// carrying the current. Used when the consistent initialisation at a step start fails (a step
// that physically cannot start ends as "not started") and when the step size collapses inside a
// step (the E_SOLVER_NOT_CONVERGED error then names the state instead of only the step size).
import type { CellModel } from '../model/CellModel.js';

/**
 * Surface lithiation within which the NCM counts as full (x_s ≥ 1 − this) or empty (x_s ≤ this)
 * (–). Far inside the range the cell reaches at its cut-offs: the paper's 0.05C formation ends its
 * discharge at x_s ≈ 0.98–0.995 and its charge at x_s ≈ 0.2; every failure measured in the
 * issue-21 survey (scratch survey, 40 random in-range runs) had x_s ≥ 1 − 3e-6. The NCM plugin's
 * i₀ regularisation acts at 1e-6 (ncm-charge-transfer `lithiationRegularisation`).
 */
export const SURFACE_LITHIATION_LIMIT_MARGIN = 1e-4;

/** Remaining share of the as-built SE at a node below which the SE counts as used up (–). */
export const SE_USED_UP_SHARE = 0.02;

/**
 * Surface lithiation within which a charge counts as having to start delithiating an NCM surface
 * at full lithiation (x_s ≥ 1 − this) (–). There i₀ ∝ √(x_s(1 − x_s)) has fallen below 9 % of its
 * value at x_s = 0.5 and keeps falling steeply: the seed-3 survey's charges whose step size
 * collapsed with no other named state had one node lagging its neighbours at 1 − x_s = 1.5e-4 …
 * 8.7e-4 (full and coarse mesh) while side reactions carried part of the current.
 */
export const DELITHIATION_START_MARGIN = 2e-3;

/**
 * Surface lithiation within which a discharge starts at a nearly full NCM (x_s ≥ 1 − this at every
 * node) (–): the survey's one discharge that could not be initialised started at x_s = 0.977
 * after side reactions had carried most of its charge.
 */
export const NEARLY_FULL_DISCHARGE_MARGIN = 0.05;

/** Share of the cell current carried by side reactions above which the message says so (–). */
const SIDE_CURRENT_NOTE_SHARE = 0.5;

/** A physical state that stops a current step, for an error or a step record. */
export interface PhysicalLimit {
  /** Field of the error: the state variable that reached its limit. */
  readonly field: string;
  readonly value: number;
  /** The state in words, e.g. "the NCM surface is fully lithiated (x_s = 0.999997 at 20 of 20 nodes)". */
  readonly reason: string;
  /** True when the step's own current drives the NCM past the limit (it cannot start at all). */
  readonly blocksStep: boolean;
}

/**
 * Surface lithiation x_s of the nodes whose NCM is driven past full lithiation (x_s ≥ 1 − margin
 * and lithiated: its interface current j < 0 or the NCM as a whole takes lithium) or past full
 * delithiation (x_s ≤ margin and delithiated).
 */
function surfacesAtLimit(
  model: CellModel,
  y: Float64Array,
  ncmLithiating: boolean,
): { full: number[]; empty: number[] } {
  const full: number[] = [];
  const empty: number[] = [];
  for (let e = 0; e < model.ne; e++) {
    const b = model.nodeOffset(e);
    const x = y[b + 3]! / model.maxConcentration_mol_per_m3;
    const j = y[b + 2]!;
    if (x >= 1 - SURFACE_LITHIATION_LIMIT_MARGIN && (j < 0 || ncmLithiating)) full.push(x);
    if (x <= SURFACE_LITHIATION_LIMIT_MARGIN && (j > 0 || !ncmLithiating)) empty.push(x);
  }
  return { full, empty };
}

/**
 * The physical limit, if any, at state `y` of a current step with set current `setCurrent`
 * (A/m², > 0 charge). Refreshes the model's node outputs (side currents, SE loss) at `y`.
 */
export function physicalLimitOf(
  model: CellModel,
  y: Float64Array,
  time_s: number,
  setCurrent_A_per_m2: number,
): PhysicalLimit | undefined {
  model.evaluate(y, time_s, new Float64Array(model.size), null);
  const side = model.sideCurrentDensity_A_per_m2();
  // The NCM takes the cell current less what side reactions carry: < 0 lithiates it (a
  // discharge, or a charge whose side reactions carry more than the set current).
  const ncmCurrent = setCurrent_A_per_m2 - side;
  const sideShare = Math.abs(setCurrent_A_per_m2) > 0 ? side / setCurrent_A_per_m2 : 0;
  const sideNote =
    setCurrent_A_per_m2 > 0 && sideShare > SIDE_CURRENT_NOTE_SHARE
      ? `; side reactions (SE oxidation) carry ${(100 * sideShare).toFixed(0)} % of the ${setCurrent_A_per_m2.toPrecision(3)} A/m² charge current${side > setCurrent_A_per_m2 ? ' and push lithium into the NCM' : ''}`
      : '';
  const { full, empty } = surfacesAtLimit(model, y, ncmCurrent < 0);
  const lithiating = full.length >= empty.length;
  const atLimit = lithiating ? full : empty;
  if (atLimit.length > 0) {
    const extreme = lithiating ? Math.max(...atLimit) : Math.min(...atLimit);
    const state = lithiating ? 'fully lithiated' : 'fully delithiated';
    const needs = lithiating ? 'take more lithium' : 'give more lithium';
    return {
      field: 'electrode.ncmSurfaceLithiation',
      value: extreme,
      reason: `the NCM surface is ${state} (x_s = ${extreme.toPrecision(7)} at ${atLimit.length} of ${model.ne} nodes) and cannot ${needs}${sideNote}`,
      blocksStep:
        atLimit.length === model.ne &&
        lithiating === ncmCurrent < 0 &&
        lithiating === setCurrent_A_per_m2 < 0,
    };
  }
  const seLimit = seUsedUp(model, sideNote);
  if (seLimit !== undefined) return seLimit;
  return nearFullLimit(model, y, setCurrent_A_per_m2, sideNote);
}

/** SE used up by oxidation at some node (below {@link SE_USED_UP_SHARE} of the as-built SE). */
function seUsedUp(model: CellModel, sideNote: string): PhysicalLimit | undefined {
  if (model.initialSeFraction > 0) {
    let least = Number.POSITIVE_INFINITY;
    for (let e = 0; e < model.ne; e++) {
      least = Math.min(
        least,
        (model.initialSeFraction - model.seLost[e]!) / model.initialSeFraction,
      );
    }
    if (least < SE_USED_UP_SHARE) {
      return {
        field: 'electrode.seVolumeFraction',
        value: least * model.initialSeFraction,
        reason: `the SE is used up by oxidation (${(100 * least).toFixed(1)} % of the as-built ${(100 * model.initialSeFraction).toFixed(1)} vol% left at one node)${sideNote}`,
        blocksStep: false,
      };
    }
  }
  return undefined;
}

/**
 * An NCM surface at (or next to) full lithiation that the step must move away from, or a
 * discharge that starts at a nearly full NCM: states where the model's kinetics lose their grip
 * (i₀ → 0 at x_s → 1) and where the measured unnamed failures sat.
 */
function nearFullLimit(
  model: CellModel,
  y: Float64Array,
  setCurrent_A_per_m2: number,
  sideNote: string,
): PhysicalLimit | undefined {
  const charging = setCurrent_A_per_m2 > 0;
  const margin = charging ? DELITHIATION_START_MARGIN : NEARLY_FULL_DISCHARGE_MARGIN;
  const surfaces: number[] = [];
  for (let e = 0; e < model.ne; e++) {
    surfaces.push(y[model.nodeOffset(e) + 3]! / model.maxConcentration_mol_per_m3);
  }
  const near = surfaces.filter((x) => x >= 1 - margin);
  // A charge: some nodes lag at full lithiation while the others delithiate (at a uniformly full
  // NCM, e.g. a pristine electrode, a charge starts normally). A discharge: every node nearly full.
  const lagging = charging && near.length > 0 && near.length < model.ne;
  const full = !charging && setCurrent_A_per_m2 < 0 && near.length === model.ne;
  if (!lagging && !full) return undefined;
  const value = charging ? Math.max(...near) : Math.min(...near);
  const reason = charging
    ? `the NCM surface is still fully lithiated at ${near.length} of ${model.ne} nodes (x_s up to ${value.toPrecision(6)}) while the charge delithiates the other nodes: the exchange current vanishes toward x_s = 1 (i₀ ∝ √(x_s(1 − x_s))) and the model cannot start delithiating it${sideNote}`
    : `the discharge starts at a nearly fully lithiated NCM (x_s ≥ ${value.toPrecision(4)} at all ${model.ne} nodes)`;
  return { field: 'electrode.ncmSurfaceLithiation', value, reason, blocksStep: false };
}
