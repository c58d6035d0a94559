// Contact-loss ageing (model.md §2 M7): NCM811 shrinks on deep delithiation, the rigid sulfide
// matrix cannot follow and NCM|SE contact is lost cycle by cycle. This module owns the parameters
// (with sources and ranges), their validation and the local rate law; the cell carries the state.
import { invalidInput, type MicrostructureDescriptors } from '@solidcell/core';

/** Parameters of the contact-loss law (SI; dimensionless where no unit is named). */
export interface ContactLossParameters {
  /**
   * |ΔV/V| of NCM811 between the discharged state and {@link fullContractionLithiation} (–).
   * Default 0.05: Koerver et al., Chem. Mater. 2017, 29, 5574 (NCM811 unit-cell volume −5.1 %
   * at 4.3 V vs Li); de Biasi et al., J. Phys. Chem. C 2017, 121, 26163 (Ni-rich NCM up to
   * ≈ −8 %); parameters.md §7 (−3 to −7 %). Range 0.03–0.08.
   */
  readonly ncmVolumeContraction: number;
  /**
   * Lithiation below which the layered lattice collapses and the volume shrinks (–). Default 0.4:
   * Jousseaume et al., Energy Environ. Sci. 2024, 17, 2753 (strain appears below 40 % Li in the
   * layers, independent of the Ni content). Range 0.3–0.5. Above it ΔV ≈ 0 (assumption: the
   * a-axis contraction and c-axis expansion of the early charge cancel to within ≈ 1 %).
   */
  readonly collapseOnsetLithiation: number;
  /**
   * Lithiation at which the full contraction is reached (–). Default 0.2 (≈ 4.3 V vs Li,
   * parameters.md §7: x_Li(4.3 V) 0.20–0.27). Range 0.15–0.3.
   */
  readonly fullContractionLithiation: number;
  /**
   * k_ε, fraction of the remaining NCM|SE contact lost per unit volumetric contraction when no
   * stack pressure acts, clean SE surrounds the particle and no carbon sits in the SE domain (–).
   * Assumption-grade 0.05 (0.25 % of the contact per 5 % shrinkage): no per-cycle measurement
   * exists; Koerver 2017 and Shi et al., J. Mater. Chem. A 2020, 8, 17399 (FIB-SEM: voids and
   * contact loss around NCM after cycling, capacity recovered by re-pressing) show the
   * mechanism. Range 0.01–0.2 (the report's sensitivity table shows its effect).
   */
  readonly contactLossPerVolumetricStrain: number;
  /**
   * p_stack, stack pressure during cycling (Pa). Default 50 MPa, range 10–100 MPa
   * (parameters.md §9; Randau et al., Nat. Energy 2020, 5, 259).
   */
  readonly stackPressure_Pa: number;
  /**
   * p_close, stack pressure at which creep of the argyrodite closes half of the gaps that the
   * shrinkage opens (Pa): the loss is scaled by 1/(1 + p_stack/p_close). Assumption-grade 50 MPa,
   * range 10–200 MPa (Shi 2020: re-pressing recovers capacity; Li6PS5Cl densifies plastically at
   * tens to hundreds of MPa).
   */
  readonly gapClosingPressure_Pa: number;
  /**
   * k_v, extra loss per unit fraction of the node's SE consumed by oxidation (voids and soft
   * decomposition products cannot hold the contact, model.md M7) (–). Assumption-grade 5,
   * range 1–10.
   */
  readonly consumedSeSusceptibility: number;
  /**
   * k_C, extra loss per unit carbon share of the SE domain, β φ_C / (φ_SE + β φ_C): where carbon
   * rather than SE touches the NCM, nothing bonds to the shrinking particle (model.md M7) (–).
   * Assumption-grade 5, range 1–20.
   */
  readonly carbonInSeSusceptibility: number;
  /**
   * g, share of the lost contact that belongs to particles losing their last contact together
   * with their electronic contacts (NCM–NCM points and carbon held in the SE) (–): patchy loss
   * isolates whole particles unless a carbon network outside the SE domain still reaches them.
   * Assumption-grade 0.5, range 0.2–1.
   */
  readonly isolatedShareOfLoss: number;
}

/** Overrides of the defaults. */
export type ContactLossParameterOverrides = Partial<ContactLossParameters>;

/** Defaults (sources and ranges on each field of {@link ContactLossParameters}). */
export const DEFAULT_CONTACT_LOSS_PARAMETERS: ContactLossParameters = {
  ncmVolumeContraction: 0.05,
  collapseOnsetLithiation: 0.4,
  fullContractionLithiation: 0.2,
  contactLossPerVolumetricStrain: 0.05,
  stackPressure_Pa: 50e6,
  gapClosingPressure_Pa: 50e6,
  consumedSeSusceptibility: 5,
  carbonInSeSusceptibility: 5,
  isolatedShareOfLoss: 0.5,
};

/** Allowed input bounds (physical, wider than the literature ranges). */
const BOUNDS: Readonly<Record<keyof ContactLossParameters, readonly [number, number]>> = {
  ncmVolumeContraction: [0, 0.2],
  collapseOnsetLithiation: [0.05, 1],
  fullContractionLithiation: [0, 0.95],
  contactLossPerVolumetricStrain: [0, 10],
  stackPressure_Pa: [0, 1e9],
  gapClosingPressure_Pa: [1e5, 1e10],
  consumedSeSusceptibility: [0, 100],
  carbonInSeSusceptibility: [0, 100],
  isolatedShareOfLoss: [0, 1],
};

/**
 * Defaults merged with validated overrides.
 * @throws SolidCellError `E_INVALID_INPUT` naming `contactLoss.<field>`, the value and the range.
 */
export function resolveContactLossParameters(
  overrides: ContactLossParameterOverrides = {},
): ContactLossParameters {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    invalidInput('contactLoss', overrides, 'an object of contact-loss parameters');
  }
  const merged: Record<string, number> = { ...DEFAULT_CONTACT_LOSS_PARAMETERS };
  for (const [key, value] of Object.entries(overrides)) {
    const bounds = BOUNDS[key as keyof ContactLossParameters];
    if (bounds === undefined) invalidInput(`contactLoss.${key}`, value, 'a known parameter');
    if (value === undefined) continue;
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < bounds[0] ||
      value > bounds[1]
    ) {
      invalidInput(`contactLoss.${key}`, value, `a number ${bounds[0]} ≤ x ≤ ${bounds[1]}`);
    }
    merged[key] = value;
  }
  const p = merged as unknown as ContactLossParameters;
  if (!(p.fullContractionLithiation < p.collapseOnsetLithiation)) {
    invalidInput(
      'contactLoss.fullContractionLithiation',
      p.fullContractionLithiation,
      `a lithiation below collapseOnsetLithiation = ${p.collapseOnsetLithiation}`,
    );
  }
  return p;
}

/** Width of the smooth onset of the collapse (–): numerical, keeps the strain law C¹. */
const ONSET_WIDTH = 0.02;

/** What the microstructure fixes for the contact-loss law at one electrode. */
export interface ContactLossStructure {
  /** Carbon share of the SE domain, β φ_C / (φ_SE + β φ_C) (–). */
  readonly carbonShareOfSeDomain: number;
  /**
   * b, share of the NCM a carbon network outside the SE domain keeps electronically connected
   * when its contacts open (–): (1 − β) × the percolating fraction of the carbon network alone.
   */
  readonly bridgedFraction: number;
}

/** The structure terms of the law from measured (or estimated) descriptors. */
export function contactLossStructure(descriptors: MicrostructureDescriptors): ContactLossStructure {
  const beta = Math.min(1, Math.max(0, descriptors.carbonInSeDomainFraction));
  const carbon = Math.max(0, descriptors.volumeFractions.carbon);
  const se = Math.max(0, descriptors.volumeFractions.se);
  const inSe = beta * carbon;
  const carbonNetwork = Math.min(1, Math.max(0, descriptors.percolatingFraction.carbon ?? 0));
  return {
    carbonShareOfSeDomain: inSe > 0 ? inSe / (se + inSe) : 0,
    bridgedFraction: (1 - beta) * carbonNetwork,
  };
}

/**
 * The contact-loss law of one electrode.
 *
 * @remarks
 * Volumetric contraction of NCM at lithiation x: ε(x) = ΔV · s(x), with
 * s(x) = w ln(1 + exp((x_c − x)/w)) / (x_c − x_full) (a smoothed ramp from the collapse onset
 * x_c, reaching 1 at x_full). While the NCM delithiates (charge-transfer current j > 0), the
 * remaining contact fraction 1 − ℓ shrinks as
 *   dℓ/dt = (1 − ℓ) · k_ε · P · S · dε/dt,   P = 1/(1 + p_stack/p_close),
 *   S = 1 + k_v · (SE consumed / initial SE) + k_C · (carbon share of the SE domain);
 * re-lithiation re-expands the particle but does not restore the contact (irreversible). The
 * NCM fraction isolated (electronically and ionically) is ι = g (1 − b) ℓ; its Li stays in it.
 */
export class ContactLossLaw {
  /** The resolved parameters. */
  public readonly parameters: ContactLossParameters;
  /** The structure terms. */
  public readonly structure: ContactLossStructure;
  /** k_ε · P: fraction of the remaining contact lost per unit contraction at S = 1. */
  private readonly lossScale: number;
  /** g (1 − b): dι/dℓ. */
  public readonly isolationPerLoss: number;

  public constructor(parameters: ContactLossParameters, structure: ContactLossStructure) {
    this.parameters = parameters;
    this.structure = structure;
    const p = parameters;
    const pressure = 1 / (1 + p.stackPressure_Pa / p.gapClosingPressure_Pa);
    this.lossScale = p.contactLossPerVolumetricStrain * pressure;
    this.isolationPerLoss = p.isolatedShareOfLoss * (1 - structure.bridgedFraction);
  }

  /** Volumetric contraction |ΔV/V| at lithiation x (–), ≥ 0. */
  public contraction(x: number): number {
    const p = this.parameters;
    const z = (p.collapseOnsetLithiation - x) / ONSET_WIDTH;
    const ramp = z > 30 ? z : Math.log1p(Math.exp(z));
    return (
      (p.ncmVolumeContraction * ONSET_WIDTH * ramp) /
      (p.collapseOnsetLithiation - p.fullContractionLithiation)
    );
  }

  /** −dε/dx at lithiation x (–), ≥ 0: contraction per unit of Li removed. */
  public contractionSlope(x: number): number {
    const p = this.parameters;
    const z = (p.collapseOnsetLithiation - x) / ONSET_WIDTH;
    const logistic = 1 / (1 + Math.exp(-z));
    return (
      (p.ncmVolumeContraction * logistic) /
      (p.collapseOnsetLithiation - p.fullContractionLithiation)
    );
  }

  /** Susceptibility S at an SE-consumed ratio (SE consumed / initial SE, 0–1) (–). */
  public susceptibility(seConsumedRatio: number): number {
    const p = this.parameters;
    return (
      1 +
      p.consumedSeSusceptibility * Math.min(1, Math.max(0, seConsumedRatio)) +
      p.carbonInSeSusceptibility * this.structure.carbonShareOfSeDomain
    );
  }

  /**
   * dℓ/dt (1/s) at lost fraction ℓ, lithiation x, delithiation rate r = −dx/dt (1/s; only r > 0
   * removes contact) and SE-consumed ratio.
   */
  public lossRate(
    lost: number,
    x: number,
    delithiationRate_per_s: number,
    seConsumedRatio: number,
  ): number {
    if (!(delithiationRate_per_s > 0)) return 0;
    const remaining = Math.max(0, 1 - lost);
    return (
      remaining *
      this.lossScale *
      this.susceptibility(seConsumedRatio) *
      this.contractionSlope(x) *
      delithiationRate_per_s
    );
  }
}
