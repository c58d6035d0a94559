// Builds the `solidcell` commander program with every command registered.
import { Command } from 'commander';
import { registerCompositionCommand } from '../commands/compositionCommand.js';
import { registerCvCommand } from '../commands/cvCommand.js';
import { registerMicrostructureCommand } from '../commands/microstructureCommand.js';
import { registerReproduceCommand } from '../commands/reproduceCommand.js';
import { registerSimulateCommand } from '../commands/simulateCommand.js';
import { registerSweepCommand } from '../commands/sweepCommand.js';
import { registerWorkerCommand } from '../commands/workerCommand.js';
import type { CommandOutput } from './output.js';

/** The program; commander's own errors are thrown (exitOverride) so `runCli` can format them. */
export function createProgram(output: CommandOutput, version: string): Command {
  const program = new Command('solidcell')
    .description(
      'SolidCell: all-solid-state battery composite cathode models (Kim et al. 2024 reference cell)',
    )
    .version(version)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => output.text(text.trimEnd()),
      // Errors are reported by runCli as one line; commander's own copy is suppressed.
      writeErr: () => {},
    })
    .showHelpAfterError(false)
    .allowExcessArguments(false);
  registerCompositionCommand(program, output);
  registerMicrostructureCommand(program, output);
  registerSimulateCommand(program, output);
  registerCvCommand(program, output);
  registerReproduceCommand(program, output);
  registerSweepCommand(program, output);
  registerWorkerCommand(program, output);
  return program;
}
