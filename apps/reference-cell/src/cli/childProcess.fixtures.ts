// Runs `node …` from the repository root in a child process (the CLI from its TypeScript
// sources), collecting its output, optionally signalling it once stderr shows it is computing.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** The CLI entry point (TypeScript). */
export const bin = fileURLToPath(new URL('../bin.ts', import.meta.url));
/** Node flags that run the TypeScript sources. */
export const fromSources = ['--conditions=@solidcell/source', '--import', 'tsx'];

/** How a child process ended and what it wrote. */
export interface ChildRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node <args>` from the repository root; `closeStdout` closes the read end of its stdout at
 * once, `signalWhen` sends a signal once stderr matches (the command is computing).
 */
export function runNode(
  args: readonly string[],
  options: { closeStdout?: boolean; signalWhen?: [RegExp, NodeJS.Signals] } = {},
): Promise<ChildRun> {
  const child = spawn(process.execPath, [...args], {
    cwd: repoRoot,
    env: { ...process.env, SOLIDCELL_BIN: bin },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  if (options.closeStdout) child.stdout.destroy();
  else child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let signalled = false;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    const when = options.signalWhen;
    if (when && !signalled && when[0].test(stderr)) {
      signalled = true;
      child.kill(when[1]);
    }
  });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
