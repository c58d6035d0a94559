// Default generator parameters with their sources (shared/physics/parameters.md).

/** Default generator parameters; lengths in metres. */
export const MICROSTRUCTURE_DEFAULTS = {
  /** Voxel edge length (m). */
  voxelSize_m: 0.25e-6,
  /** Voxels per box edge. */
  voxels: 128,
  /** NCM811 median secondary-particle diameter (m): 2 × R_NCM = 2 × 5.0 µm, parameters.md §3. */
  ncmD50_m: 10e-6,
  /**
   * NCM size span (D90 − D10)/D50 (–): typical of commercial polycrystalline NCM811 powders
   * (D10 ≈ 6, D50 ≈ 10, D90 ≈ 15 µm); low confidence, not in parameters.md.
   */
  ncmSpan: 0.9,
  /**
   * Li6PS5Cl median particle diameter before pressing (m): 2 × R_SE = 2 × 1.5 µm, parameters.md §3
   * (fine "catholyte" grades D50 ≈ 1 µm, standard grades up to ≈ 10 µm).
   */
  seD50_m: 3e-6,
  /**
   * Li6PS5Cl size span (D90 − D10)/D50 (–): assumption, typical of milled argyrodite powders
   * (literature range ≈ 0.8–2); low confidence.
   */
  seSpan: 1.2,
  /**
   * Largest overlap of an SE particle with a neighbour during packing (fraction of r_i + r_j; –):
   * assumption standing for the indentation of the soft SE under pressing (range 0–0.4).
   */
  seMaxOverlap: 0.2,
  /** Random trial positions per SE particle (fewer than NCM: densification fills misses). */
  attemptsPerSeParticle: 60,
  /** Largest NCM–NCM overlap in the packing, as a fraction of r_i + r_j (compaction; –). */
  maxOverlap: 0.2,
  /** Largest relative swelling of the NCM spheres allowed by the fraction threshold (–). */
  maxGrowth: 0.4,
  /** Nominal NCM sphere volume offered to the packing, relative to the target (–). */
  packingExcess: 0.25,
  /** Random trial positions per NCM sphere. */
  attemptsPerSphere: 300,
  /** Residual pore radius (m): sub-µm pores of cold-pressed sulfide composites; low confidence. */
  poreRadius_m: 0.5e-6,
} as const;
