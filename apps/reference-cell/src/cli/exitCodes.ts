// Process exit codes of the `solidcell` program, one per failure class.

export const EXIT_OK = 0;
/** Unexpected internal error (a bug): the message says so. */
export const EXIT_INTERNAL = 1;
/** Bad input: flags, config files, values out of range. */
export const EXIT_INVALID_INPUT = 2;
/** Plugins could not be composed (missing, conflicting, unknown). */
export const EXIT_PLUGIN = 3;
/** A solver failed (no convergence, non-finite values). */
export const EXIT_SOLVER = 4;
/** A resource limit would be exceeded (memory estimate). */
export const EXIT_RESOURCE = 5;
/** Interrupted by SIGINT/SIGTERM. */
export const EXIT_INTERRUPTED = 130;
