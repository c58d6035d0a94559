// A minimal carbon placer for generator tests: uniform spheres of one radius in the non-NCM space.
import { PhaseLabel } from '@solidcell/core';
import type { CarbonPlacer } from './carbon/CarbonPlacer.js';

export function uniformSpherePlacer(radius_m: number): CarbonPlacer {
  return {
    id: 'test-spheres',
    carbonShape: 'spherical',
    surfaceToVolume_per_m: 3 / radius_m,
    estimateCarbonInSeDomainFraction: () => 0.5,
    place(context) {
      const { grid, depositor, random, labels } = context;
      const r = radius_m / context.voxelSize_m;
      let count = 0;
      const maxTrials = 100 * (depositor.target / ((4 / 3) * Math.PI * r ** 3)) + 100_000;
      for (let trial = 0; trial < maxTrials && !depositor.done; trial++) {
        const x = random.nextFloat() * grid.nx;
        const y = random.nextFloat() * grid.ny;
        const z = random.nextFloat() * grid.nz;
        const i = Math.floor(x) + grid.nx * (Math.floor(y) + grid.ny * Math.floor(z));
        if (labels[i] !== PhaseLabel.se) continue;
        if (depositor.depositSphere(x, y, z, r) > 0) count++;
      }
      return { objectCount: count, surfaceToVolume_per_m: 3 / radius_m };
    },
  };
}
