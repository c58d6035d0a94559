// Web Worker of the playground: evaluates the composition and the percolation-law estimate with
// the SolidCell packages themselves (resolved to their sources), off the main thread.
import { evaluatePlayground, type PlaygroundInput } from '@solidcell/docs-examples';

interface Request {
  readonly id: number;
  readonly input: PlaygroundInput;
}

self.onmessage = (event: MessageEvent<Request>) => {
  const { id, input } = event.data;
  try {
    self.postMessage({ id, ok: true, result: evaluatePlayground(input) });
  } catch (error) {
    self.postMessage({
      id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
};
