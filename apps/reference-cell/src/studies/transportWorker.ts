// Worker-thread entry of the microstructure study: serves its transport solves.
import { serveTasks } from '../reproduce/serveTasks.js';
import { solveTransportTask, type TransportSolveTask } from './computeMicrostructure.js';

serveTasks((task: TransportSolveTask) => solveTransportTask(task));
