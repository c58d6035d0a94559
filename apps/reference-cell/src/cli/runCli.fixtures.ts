// Captures what a CLI run writes, for in-process tests.
import type { CommandOutput } from './output.js';
import { runCli } from './runCli.js';

/** Runs the CLI in-process and returns exit code, stdout and stderr. */
export async function runCaptured(
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const output: CommandOutput = {
    json: (value) => {
      stdout += `${JSON.stringify(value)}\n`;
    },
    text: (line) => {
      stdout += `${line}\n`;
    },
    message: (line) => {
      stderr += `${line}\n`;
    },
  };
  const code = await runCli(args, output);
  return { code, stdout, stderr };
}
