// Web Worker of the playground: evaluates the composition and the percolation-law estimate, then
// the formation curve, with the SolidCell packages themselves (resolved to their sources), off the
// main thread. The fast numbers are posted first; a formation run is skipped when a newer request
// has arrived meanwhile, so dragging a slider does not queue simulations.
import { evaluatePlayground, formationCurve, type PlaygroundInput } from '@solidcell/docs-examples';

interface Request {
  readonly id: number;
  readonly input: PlaygroundInput;
}

let latest = 0;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

self.onmessage = (event: MessageEvent<Request>) => {
  const { id, input } = event.data;
  latest = id;
  try {
    self.postMessage({ id, kind: 'result', ok: true, result: evaluatePlayground(input) });
  } catch (error) {
    self.postMessage({ id, kind: 'result', ok: false, error: message(error) });
    return;
  }
  // Let queued messages in first: only the newest request is simulated.
  setTimeout(() => {
    if (id !== latest) return;
    try {
      self.postMessage({ id, kind: 'formation', ok: true, formation: formationCurve(input) });
    } catch (error) {
      self.postMessage({ id, kind: 'formation', ok: false, error: message(error) });
    }
  }, 0);
};
