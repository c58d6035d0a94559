// Docs sample (Getting started): validate a composition, compute its volume fractions and ask a
// composed plugin (NCM811 charge transfer) for its open-circuit potential.
// #region first-cell
import {
  ChargeTransfer,
  createSolidCellContainer,
  describeComposition,
  parseCompositionInput,
  toVsLiIn,
} from '@solidcell/core';
import { ncmChargeTransferPlugin } from '@solidcell/ncm-charge-transfer';

/** What the getting-started sample computes. */
export interface FirstCell {
  /** Electrode SE volume fraction (pores included). */
  readonly seElectrodeFraction: number;
  /** Pore fraction of the electrode. */
  readonly poreFraction: number;
  /** NCM open-circuit potential at half of the practical window (V vs Li-In). */
  readonly halfChargeOcpVsLiIn_V: number;
}

export function firstCell(): FirstCell {
  // 90/7/3 wt% NCM/SE/SC, 10 % porosity; a bad field throws a SolidCellError naming it.
  const input = parseCompositionInput({
    massFractions_wtPct: { ncm: 90, se: 7, carbon: 3 },
    carbonShape: 'spherical',
    porosity: 0.1,
  });
  const { electrodeVolumeFractions } = describeComposition(input);

  const container = createSolidCellContainer([ncmChargeTransferPlugin]);
  const kinetics = container.get(ChargeTransfer);
  const { discharged, charged } = kinetics.lithiationWindow;
  const halfway = (discharged + charged) / 2;

  return {
    seElectrodeFraction: electrodeVolumeFractions.se,
    poreFraction: electrodeVolumeFractions.pore,
    halfChargeOcpVsLiIn_V: toVsLiIn(kinetics.openCircuitPotential_V(halfway, 298.15)),
  };
}
// #endregion first-cell
