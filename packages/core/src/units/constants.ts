// Physical constants (CODATA 2018 exact/recommended values) in SI units.

/** Faraday constant, C/mol (exact since the 2019 SI redefinition). */
export const FARADAY_C_per_mol = 96485.33212;
/** Molar gas constant, J/(mol K) (exact). */
export const GAS_CONSTANT_J_per_mol_K = 8.314462618;
/** Boltzmann constant in eV/K. */
export const BOLTZMANN_eV_per_K = 8.617333262e-5;
/** 0 °C in kelvin. */
export const ZERO_CELSIUS_K = 273.15;
/** Reference temperature for Arrhenius laws, 25 °C in kelvin. */
export const REFERENCE_TEMPERATURE_K = 298.15;
