// Reliability class 12: a current the electrode's networks cannot carry ends with the physical
// reason (network, σ_eff, ohmic drop, composition), not a bare solver message.
import { isSolidCellError } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { fixtureConfig, fixturePhysics, fixtureTransport } from '../testing/cell.fixtures.js';
import { simulateExperiment } from './simulateExperiment.js';

function failure(body: () => unknown): { code: string; message: string } {
  try {
    body();
  } catch (error) {
    if (isSolidCellError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a SolidCellError');
}

describe('a current the electrode cannot carry', () => {
  // The electronic case is exercised through the CLI (cli/inputFaults.test.ts '12 ·').
  it.each([['ionic (SE)', { ionicScale: 1e-9 }]])(
    'a %s network 10⁹× too weak → the network and the ohmic drop are named',
    (network, scale) => {
      const config = fixtureConfig({
        physics: fixturePhysics({ transport: fixtureTransport(scale) }),
      });
      const { code, message } = failure(() =>
        simulateExperiment(config, ['Charge at 0.1C until 3.7 V']),
      );
      expect(code).toBe('E_SOLVER_NOT_CONVERGED');
      expect(message).toContain(`the electrode cannot carry`);
      expect(message).toContain(`its ${network} network`);
      expect(message).toMatch(
        /ohmic drop of [\d.e+]+ V, more than the voltage window \(NCM [\d.]+ vol%, SE [\d.]+ vol%\)/,
      );
    },
  );

  it('a network that carries the current runs as before', () => {
    const config = fixtureConfig({ physics: fixturePhysics({ transport: fixtureTransport() }) });
    expect(() => simulateExperiment(config, ['Charge at 0.1C for 10 s'])).not.toThrow();
  });
});
