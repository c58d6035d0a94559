// The app's version, kept equal to the workspace packages' lockstep version.

/** SolidCell version written into reports and cache keys. */
export const SOLIDCELL_VERSION = '0.1.0';
