// Composition axes of a design, in wt% (`massFractions_wtPct.<phase>`, the cell config's own
// fields) or in solid vol% (`solidVolumeFractions_volPct.<phase>`, pore-free basis, converted to
// wt% with core's reference densities of the point's carbon shape); the balance phase takes the
// rest, on the same basis.
import {
  type CarbonShape,
  type MassFractions_wtPct,
  massFractionsFromVolumeFractions,
  referenceDensities,
  solidVolumeFractions,
} from '@solidcell/core';

export const MASS_AXIS_PREFIX = 'massFractions_wtPct.';
export const VOLUME_AXIS_PREFIX = 'solidVolumeFractions_volPct.';
const PHASES = ['ncm', 'se', 'carbon', 'binder'] as const;
type Phase = (typeof PHASES)[number];

/** The basis composition axes use. */
export type CompositionBasis = 'wt' | 'vol';

/** Whether a path is a composition axis of either basis (a phase of either prefix). */
export function isCompositionPath(path: string): boolean {
  return [MASS_AXIS_PREFIX, VOLUME_AXIS_PREFIX].some(
    (prefix) => path.startsWith(prefix) && PHASES.includes(path.slice(prefix.length) as Phase),
  );
}

/** The basis of a design's axes; undefined when one axis is in wt% and another in vol%. */
export function compositionBasis(paths: readonly string[]): CompositionBasis | undefined {
  const vol = paths.some((p) => p.startsWith(VOLUME_AXIS_PREFIX));
  const wt = paths.some((p) => p.startsWith(MASS_AXIS_PREFIX));
  return vol && wt ? undefined : vol ? 'vol' : 'wt';
}

/** The input column of the balance phase. */
export function balanceColumn(basis: CompositionBasis, balance: Phase): string {
  return `${basis === 'vol' ? VOLUME_AXIS_PREFIX : MASS_AXIS_PREFIX}${balance}`;
}

const tidy = (value: number): number => Number(value.toPrecision(12));

/** Carbon shape of a first-party carbon plugin id (vol% needs the shape's densities). */
function carbonShapeOf(pluginId: unknown): CarbonShape | undefined {
  if (pluginId === 'carbon-spherical') return 'spherical';
  if (pluginId === 'carbon-fiber') return 'fiber';
  return undefined;
}

/**
 * Sets the point's mass fractions from its composition axis values (`phase → value` in the
 * basis) and the balance phase; returns the balance value, or an error text for a point whose
 * balance would be negative or whose carbon plugin has no reference densities.
 */
export function applyComposition(
  config: Record<string, unknown>,
  values: Readonly<Partial<Record<Phase, number>>>,
  basis: CompositionBasis,
  balance: Phase,
): { balance: number; error?: string } {
  const mass = config.massFractions_wtPct as { -readonly [P in Phase]?: number };
  const column = balanceColumn(basis, balance);
  const reject = (value: number, expected: string) => ({
    balance: value,
    error: `${column} = ${value} is not allowed: expected ${expected}`,
  });
  if (basis === 'wt') {
    Object.assign(mass, values);
    const rest = tidy(
      100 - PHASES.filter((p) => p !== balance).reduce((s, p) => s + (mass[p] ?? 0), 0),
    );
    mass[balance] = rest;
    return rest < 0 ? reject(rest, '≥ 0 (100 − the other wt%)') : { balance: rest };
  }
  const shape = carbonShapeOf((config.plugins as { carbon: { id: unknown } }).carbon.id);
  if (shape === undefined)
    return reject(Number.NaN, 'plugins.carbon.id carbon-spherical or carbon-fiber for vol% axes');
  const densities = referenceDensities(shape);
  const start = solidVolumeFractions(mass as MassFractions_wtPct, densities);
  const volPct: Record<Phase, number> = {
    ncm: 100 * start.ncm,
    se: 100 * start.se,
    carbon: 100 * start.carbon,
    binder: 100 * start.binder,
    ...values,
  };
  const rest = tidy(100 - PHASES.filter((p) => p !== balance).reduce((s, p) => s + volPct[p], 0));
  if (rest < 0) return reject(rest, '≥ 0 (100 − the other vol%)');
  volPct[balance] = rest;
  const wt = massFractionsFromVolumeFractions(
    {
      ncm: volPct.ncm / 100,
      se: volPct.se / 100,
      carbon: volPct.carbon / 100,
      binder: volPct.binder / 100,
    },
    densities,
  );
  for (const phase of PHASES) {
    if (phase !== 'binder' || mass.binder !== undefined || (wt.binder ?? 0) > 0)
      mass[phase] = tidy(wt[phase] ?? 0);
  }
  return { balance: rest };
}
