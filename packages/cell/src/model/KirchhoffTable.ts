// The Kirchhoff transform K(c) = ∫₀^c D dc of the solid diffusivity, tabulated once per cell so
// that the flux between two shells is K(c_B) − K(c_A): one table lookup per shell instead of a
// quadrature of D per face in every residual evaluation.

/** Sub-intervals of 3-point Gauss–Legendre quadrature per table cell when building K. */
const QUADRATURE_PANELS = 4;
const GAUSS_NODE = 0.7745966692414834; // √(3/5)

/** Largest table the refinement for monotonicity may reach. */
const MAX_CELLS = 1 << 16;

interface Table {
  readonly values: Float64Array;
  readonly slopes: Float64Array;
}

function tabulate(diffusivity: (x: number) => number, cMax: number, cells: number): Table {
  const values = new Float64Array(cells + 1);
  const slopes = new Float64Array(cells + 1);
  const dx = 1 / cells;
  const panel = dx / QUADRATURE_PANELS;
  const off = 0.5 * GAUSS_NODE * panel;
  let integral = 0;
  for (let i = 0; i <= cells; i++) {
    const x = i * dx;
    const d = diffusivity(x);
    if (!(d > 0 && Number.isFinite(d))) {
      throw new RangeError(
        `solid diffusivity at lithiation ${x} is ${d}; it must be finite and > 0`,
      );
    }
    slopes[i] = d;
    values[i] = integral * cMax;
    if (i === cells) break;
    for (let p = 0; p < QUADRATURE_PANELS; p++) {
      const mid = x + (p + 0.5) * panel;
      integral +=
        0.5 *
        panel *
        ((5 / 9) * diffusivity(mid - off) +
          (8 / 9) * diffusivity(mid) +
          (5 / 9) * diffusivity(mid + off));
    }
  }
  return { values, slopes };
}

/** Fritsch–Carlson: the cubic Hermite interpolant is monotone when α² + β² ≤ 9 in every cell. */
function monotone(table: Table, h: number): boolean {
  for (let i = 0; i + 1 < table.values.length; i++) {
    const secant = (table.values[i + 1]! - table.values[i]!) / h;
    const alpha = table.slopes[i]! / secant;
    const beta = table.slopes[i + 1]! / secant;
    if (alpha * alpha + beta * beta > 9) return false;
  }
  return true;
}

/**
 * K(c) = ∫₀^c D(c'/c_max) dc' (mol²/(m⁴ s)… i.e. m²/s · mol/m³) as a C¹ piecewise-cubic Hermite
 * table on equally spaced lithiation x = c/c_max ∈ [0, 1].
 *
 * @remarks
 * Node values are integrated with composite 3-point Gauss–Legendre (4 panels per cell); node
 * slopes are D itself, so K′ interpolates D. The table is refined (×4 cells) until every cell
 * meets the Fritsch–Carlson condition, so K is monotone (fluxes never change sign against the
 * concentration difference) for any D > 0. Outside [0, 1] K continues linearly with the end
 * slopes. Error: O(Δx⁴ K⁗) inside smooth cells; a kink of D (piecewise laws) costs
 * O(Δx² ΔD′) only for end points inside that one cell.
 */
export class KirchhoffTable {
  private readonly cells: number;
  private readonly maxConcentration: number;
  private readonly values: Float64Array; // K at the nodes (concentration units)
  private readonly slopes: Float64Array; // D at the nodes (m²/s)

  /**
   * @param diffusivity - D(x) (m²/s) for a lithiation x ∈ [0, 1]; must be finite and > 0.
   * @param maxConcentration_mol_per_m3 - c_max, the concentration at x = 1.
   * @param cells - table cells over x ∈ [0, 1].
   */
  public constructor(
    diffusivity: (x: number) => number,
    maxConcentration_mol_per_m3: number,
    cells = 512,
  ) {
    this.maxConcentration = maxConcentration_mol_per_m3;
    let n = cells;
    let table = tabulate(diffusivity, maxConcentration_mol_per_m3, n);
    while (!monotone(table, maxConcentration_mol_per_m3 / n) && n < MAX_CELLS) {
      n *= 4;
      table = tabulate(diffusivity, maxConcentration_mol_per_m3, n);
    }
    this.cells = n;
    this.values = table.values;
    this.slopes = table.slopes;
  }

  /** K(c) (m²/s · mol/m³). */
  public value(c: number): number {
    const n = this.cells;
    const s = (c / this.maxConcentration) * n;
    if (!(s > 0)) return this.values[0]! + c * this.slopes[0]!;
    if (s >= n) return this.values[n]! + (c - this.maxConcentration) * this.slopes[n]!;
    const i = Math.floor(s);
    const t = s - i;
    const h = this.maxConcentration / n;
    const t2 = t * t;
    const t3 = t2 * t;
    return (
      (2 * t3 - 3 * t2 + 1) * this.values[i]! +
      (t3 - 2 * t2 + t) * h * this.slopes[i]! +
      (-2 * t3 + 3 * t2) * this.values[i + 1]! +
      (t3 - t2) * h * this.slopes[i + 1]!
    );
  }

  /** dK/dc at c: the interpolated diffusivity (m²/s), exact derivative of {@link value}. */
  public slope(c: number): number {
    const n = this.cells;
    const s = (c / this.maxConcentration) * n;
    if (!(s > 0)) return this.slopes[0]!;
    if (s >= n) return this.slopes[n]!;
    const i = Math.floor(s);
    const t = s - i;
    const h = this.maxConcentration / n;
    const t2 = t * t;
    return (
      ((6 * t2 - 6 * t) * (this.values[i]! - this.values[i + 1]!)) / h +
      (3 * t2 - 4 * t + 1) * this.slopes[i]! +
      (3 * t2 - 2 * t) * this.slopes[i + 1]!
    );
  }
}
