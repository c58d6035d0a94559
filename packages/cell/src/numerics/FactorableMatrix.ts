// The matrix contract the time stepper relies on: assemble by adding entries, factorise once,
// solve many times.

/** A square matrix assembled entry by entry and solved through an in-place factorisation. */
export interface FactorableMatrix {
  /** Order n. */
  readonly size: number;
  /** Sets every stored entry to zero. */
  clear(): void;
  /** Adds `value` to A(i, j); (i, j) must lie inside the matrix's structure. */
  add(i: number, j: number, value: number): void;
  /** Reads A(i, j) before factorisation (0 outside the structure). */
  get(i: number, j: number): number;
  /** Factorises in place; 0 on success, else 1 + the index of the first zero pivot. */
  factor(): number;
  /** Solves A x = b in place with the factors. */
  solve(b: Float64Array): void;
}
