// Text rendering of phase fractions for the terminal.
import type { ElectrodeVolumeFractions, SolidVolumeFractions } from '@solidcell/core';

const percent = (fraction: number): string => `${(100 * fraction).toFixed(1).padStart(5)} %`;

/** One line per phase: solid vol% and electrode vol%. */
export function formatFractionTable(
  solid: SolidVolumeFractions,
  electrode: ElectrodeVolumeFractions,
): string[] {
  const rows: [string, number | undefined, number][] = [
    ['NCM', solid.ncm, electrode.ncm],
    ['SE', solid.se, electrode.se],
    ['carbon', solid.carbon, electrode.carbon],
    ['binder', solid.binder, electrode.binder],
    ['pore', undefined, electrode.pore],
  ];
  return [
    'phase     solid vol%   electrode vol%',
    ...rows
      .filter(([name, s, e]) => name !== 'binder' || (s ?? 0) > 0 || e > 0)
      .map(
        ([name, s, e]) =>
          `${name.padEnd(8)}  ${s === undefined ? '      –' : percent(s)}      ${percent(e)}`,
      ),
  ];
}
