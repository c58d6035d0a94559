// Test worker: squares numbers, fails on negative input.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ taskIndex, task }) => {
  if (task < 0) {
    parentPort.postMessage({
      type: 'failed',
      taskIndex,
      message: `negative task ${task}`,
      code: 'E_INVALID_INPUT',
    });
    return;
  }
  parentPort.postMessage({ type: 'progress', taskIndex, fraction: 0.5, stage: 'squaring' });
  parentPort.postMessage({ type: 'done', taskIndex, result: task * task });
});
