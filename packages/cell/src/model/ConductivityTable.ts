// A precomputed 1D table of an effective conductivity, so the time loop never calls Transport.

/**
 * Piecewise-linear table y(x) on equally spaced x (optionally interpolating log y).
 *
 * @remarks Built once per cell; `at` clamps x to the table range and allocates nothing.
 */
export class ConductivityTable {
  private readonly values: Float64Array;
  private readonly x0: number;
  private readonly dx: number;
  private readonly logarithmic: boolean;

  /**
   * @param x0 - first abscissa.
   * @param x1 - last abscissa (> x0, or = x0 for a constant table).
   * @param points - number of samples (≥ 2).
   * @param sample - the function to tabulate (S/m, must be > 0 when `logarithmic`).
   * @param logarithmic - interpolate ln y instead of y.
   */
  public constructor(
    x0: number,
    x1: number,
    points: number,
    sample: (x: number) => number,
    logarithmic = false,
  ) {
    this.x0 = x0;
    this.dx = points > 1 && x1 > x0 ? (x1 - x0) / (points - 1) : 1;
    this.logarithmic = logarithmic;
    const n = x1 > x0 ? points : 1;
    this.values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = sample(x0 + i * this.dx);
      this.values[i] = logarithmic ? Math.log(Math.max(v, 1e-300)) : v;
    }
  }

  /** Interpolated value at x (clamped to the table range). */
  public at(x: number): number {
    const n = this.values.length;
    let s = (x - this.x0) / this.dx;
    if (!(s > 0)) s = 0;
    if (s > n - 1) s = n - 1;
    const i = Math.min(n - 2, Math.floor(s));
    const v =
      n === 1
        ? this.values[0]!
        : this.values[i]! + (s - i) * (this.values[i + 1]! - this.values[i]!);
    return this.logarithmic ? Math.exp(v) : v;
  }
}
