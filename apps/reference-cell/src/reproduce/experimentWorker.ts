// Worker-thread entry of the reproduction: serves experiment tasks.
import { runExperimentOutcome } from './runExperiment.js';
import { serveTasks } from './serveTasks.js';
import type { ExperimentTask } from './studyPlan.js';

serveTasks((task: ExperimentTask, onProgress) => runExperimentOutcome(task, onProgress));
