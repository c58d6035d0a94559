// Worker-thread entry of the local sweep engine: serves sweep points.
import { serveTasks } from '../reproduce/serveTasks.js';
import type { SweepTask } from './designPoints.js';
import { runPointOutcome } from './pointOutcome.js';

serveTasks((task: SweepTask, onProgress) => runPointOutcome(task, onProgress));
