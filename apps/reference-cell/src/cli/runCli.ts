// Runs the `solidcell` program on an argument list and returns the exit code; never throws.
import { CommanderError } from 'commander';
import { SOLIDCELL_VERSION } from '../version.js';
import { createProgram } from './createProgram.js';
import { EXIT_INVALID_INPUT, EXIT_OK } from './exitCodes.js';
import { type CommandOutput, processOutput } from './output.js';
import { describeFailure } from './reportFailure.js';

/**
 * Parses `args` (without the node and script entries) and runs the command.
 * @returns the process exit code.
 */
export async function runCli(
  args: readonly string[],
  output: CommandOutput = processOutput,
): Promise<number> {
  const program = createProgram(output, SOLIDCELL_VERSION);
  if (args.length === 0) {
    // A bare `solidcell` is a usage error: the help on stdout, one line on stderr, exit 2.
    output.text(program.helpInformation().trimEnd());
    const commands = program.commands.map((command) => command.name()).join(', ');
    output.message(`solidcell: error: a command is required (one of ${commands})`);
    return EXIT_INVALID_INPUT;
  }
  try {
    await program.parseAsync([...args], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        return EXIT_OK;
      }
      output.message(`solidcell: ${error.message.replace(/^error: /, 'error: ').split('\n')[0]}`);
      return EXIT_INVALID_INPUT;
    }
    const failure = describeFailure(error);
    output.message(failure.line);
    if (process.env.SOLIDCELL_DEBUG && error instanceof Error && error.stack)
      output.message(error.stack);
    return failure.exitCode;
  }
}
