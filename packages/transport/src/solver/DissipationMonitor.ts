// When σ_eff has converged: the dissipation P(x) = Σ g (Δφ)² of the CG iterates falls towards the
// exact current from above (Thomson's principle; P − I* = ‖x − x*‖²_A), and its drops over the
// last two windows of iterations give the remaining error of a geometric tail.

/**
 * Iterations per window. Single-step drops mislead: on the paper's SC electrodes they fluctuate
 * by 2× from step to step while P creeps down at ≈ 0.9 per step.
 */
const WINDOW = 4;

/** Tracks P over the iterations and decides when its remaining error is small enough. */
export class DissipationMonitor {
  /** The last 2·WINDOW + 1 values of P, oldest first. */
  private readonly history: number[] = [];

  /** @param tolerance - accepted relative error of P (–). */
  public constructor(private readonly tolerance: number) {}

  /**
   * Records P of the latest iterate; true when the drop D over the last window and the
   * remaining error of a geometric tail, D q / (1 − q) with q = D / D_previous window, are both
   * at most `tolerance`·P. No estimate (false) until two windows are recorded or while the drops
   * do not shrink; a P that no longer falls over a window (rounding floor) counts as settled.
   */
  public record(dissipation: number): boolean {
    const { history } = this;
    history.push(dissipation);
    if (history.length > 2 * WINDOW + 1) history.shift();
    if (history.length < 2 * WINDOW + 1) return false;
    const drop = history[WINDOW]! - dissipation;
    const previousDrop = history[0]! - history[WINDOW]!;
    if (drop <= 0) return true;
    if (!(drop < previousDrop)) return false;
    const q = drop / previousDrop;
    const allowed = this.tolerance * dissipation;
    return drop <= allowed && (drop * q) / (1 - q) <= allowed;
  }
}
