// Default area-specific contact resistances of the electrode's networks (Ω m²) with their
// sources, literature ranges and temperature laws. Most are assumptions: no measurement fixes
// them for NCM811 | Li6PS5Cl | carbon composites.
import { type ContactResistances_ohm_m2, invalidInput, type TransportPath } from '@solidcell/core';

/** Boltzmann constant (eV/K). */
const K_B_eV_per_K = 8.617333262e-5;
/** Reference temperature of the defaults (K). */
const T_REF_K = 298.15;

/** One contact resistance: value at 25 °C, activation energy and the literature range. */
export interface ContactResistanceParameter {
  /** Area-specific resistance at 25 °C (Ω m²). */
  readonly at25C_ohm_m2: number;
  /** Activation energy of the conductance (eV); 0: temperature independent. */
  readonly activationEnergy_eV: number;
  /** Range a default should lie in (Ω m²). */
  readonly range_ohm_m2: readonly [number, number];
  /** Source or "assumption: …". */
  readonly source: string;
}

/** Defaults of every contact kind (see the transport package README's parameters table). */
export const CONTACT_RESISTANCE_DEFAULTS: Readonly<
  Record<keyof ContactResistances_ohm_m2, ContactResistanceParameter>
> = {
  se_se: {
    // The SE bulk value (0.2 S/m) is already a cold-pressed pellet value that contains the
    // pellet's own grain boundaries; this adds the boundaries of the composite's SE grains. At
    // 1e-6 Ω m² one boundary per 3 µm grain adds ≈ 7 % to the grain's h/σ = 1.5e-5 Ω m².
    at25C_ohm_m2: 1e-6,
    activationEnergy_eV: 0.35,
    range_ohm_m2: [1e-7, 1e-5],
    source:
      'assumption; grain-boundary share of cold-pressed argyrodite pellet resistance small to comparable to bulk (Yu et al., J. Am. Chem. Soc. 2016, DOI 10.1021/jacs.6b05066; Milan & Pasta, Mater. Futures 2023, DOI 10.1088/2752-5724/aca703); Ea as the pellet (parameters.md §5)',
  },
  ncm_ncm: {
    // Upper bound from pellets: cold-pressed NCM pellets reach σ_e ≈ 0.5–1 S/m (parameters.md,
    // conventions), which 10 µm particles joined by contacts of R allow only if d/R ≳ 0.5 S/m,
    // i.e. R ≲ 2e-5 Ω m². At 1e-5 the contacts cost ≈ 0.1 % of a discharged particle's
    // d/σ = 1e-2 Ω m² and about half of a charged one's (σ_NCM ≈ 1 S/m).
    at25C_ohm_m2: 1e-5,
    activationEnergy_eV: 0,
    range_ohm_m2: [1e-6, 2e-5],
    source:
      'assumption bounded by cold-pressed NCM pellet conductivities of 0.5–1 S/m (parameters.md §6.2 and conventions)',
  },
  carbon_carbon: {
    at25C_ohm_m2: 1e-10,
    activationEnergy_eV: 0,
    range_ohm_m2: [1e-11, 1e-8],
    source:
      'assumption: nanocarbon junctions of 1e4–1e6 Ω (crossed nanotubes, Fuhrer et al., Science 2000, 288, 494) over contact areas of (10–50 nm)²',
  },
  ncm_carbon: {
    at25C_ohm_m2: 1e-7,
    activationEnergy_eV: 0,
    range_ohm_m2: [1e-9, 1e-5],
    source:
      'assumption: carbon pressed on an oxide surface layer; no measurement for NCM811–carbon black or VGCF',
  },
};

/**
 * The contact resistances a transport path sees at a temperature (Ω m²): the SE grain boundary
 * for the ionic path; NCM–NCM, carbon–carbon and NCM–carbon for the electronic one, each
 * R(T) = R_25 exp[(E_a/k_B)(1/T − 1/298.15 K)] (Arrhenius conductance).
 *
 * @param overrides - replace any 25 °C value (Ω m², ≥ 0).
 */
export function contactResistancesFor(
  path: TransportPath,
  temperature_K: number,
  overrides: Partial<ContactResistances_ohm_m2> = {},
): ContactResistances_ohm_m2 {
  if (!Number.isFinite(temperature_K) || temperature_K < 150 || temperature_K > 600) {
    invalidInput('temperature_K', temperature_K, 'a temperature 150 ≤ T ≤ 600 K');
  }
  const at = (key: keyof ContactResistances_ohm_m2): number => {
    const p = CONTACT_RESISTANCE_DEFAULTS[key];
    const r25 = overrides[key] ?? p.at25C_ohm_m2;
    if (typeof r25 !== 'number' || Number.isNaN(r25) || r25 < 0) {
      invalidInput(`contactResistance_ohm_m2.${key}`, r25, 'a resistance ≥ 0 Ω m²');
    }
    return (
      r25 * Math.exp((p.activationEnergy_eV / K_B_eV_per_K) * (1 / temperature_K - 1 / T_REF_K))
    );
  };
  return path === 'ionic'
    ? { se_se: at('se_se'), ncm_ncm: 0, carbon_carbon: 0, ncm_carbon: 0 }
    : {
        se_se: 0,
        ncm_ncm: at('ncm_ncm'),
        carbon_carbon: at('carbon_carbon'),
        ncm_carbon: at('ncm_carbon'),
      };
}
