// The `pnpm solidcell` launcher: builds the CLI quietly only when a source is newer than its
// build, then runs it as a child process, forwarding SIGINT/SIGTERM and returning its exit code.
// An interrupt ends with 130 whichever of the two signals came (README's exit-code table), also
// when the child was killed by the signal before it could answer.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// SOLIDCELL_BIN runs another entry point without building (the tests run the sources with
// `node --import tsx`, whose flags the child inherits through execArgv).
const { SOLIDCELL_BIN: sourceBin } = process.env;
const BIN = sourceBin ?? join(ROOT, 'apps/reference-cell/dist/bin.js');
const EXIT_INTERRUPTED = 130;
const FORWARDED = ['SIGINT', 'SIGTERM'];

/** Newest (or oldest) modification time of the files under `path`, skipping tests. */
function mtimeUnder(path, pick, skip = () => false) {
  if (!existsSync(path)) return undefined;
  const stats = statSync(path);
  if (!stats.isDirectory()) return skip(path) ? undefined : stats.mtimeMs;
  let result;
  for (const entry of readdirSync(path)) {
    const time = mtimeUnder(join(path, entry), pick, skip);
    if (time !== undefined) result = result === undefined ? time : pick(result, time);
  }
  return result;
}

const isTest = (path) => /\.test(-d)?\.ts$|__fixtures__/.test(path);

/** True when a workspace package's build is missing or older than its sources. */
function isStale(packageDir) {
  const built = mtimeUnder(join(packageDir, 'dist'), Math.min);
  if (built === undefined) return true;
  const inputs = ['src', 'package.json', 'tsup.config.ts'].map((p) =>
    mtimeUnder(join(packageDir, p), Math.max, isTest),
  );
  return inputs.some((time) => time !== undefined && time > built);
}

function workspacePackages() {
  const packages = readdirSync(join(ROOT, 'packages')).map((name) => join(ROOT, 'packages', name));
  return [...packages, join(ROOT, 'apps/reference-cell')];
}

if (sourceBin === undefined && workspacePackages().some(isStale)) {
  const build = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/turbo/bin/turbo'),
      'run',
      'build',
      '--filter=@solidcell/cli...',
      '--output-logs=errors-only',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
  );
  if (build.status !== 0) {
    // Quiet unless it fails: then turbo's messages, and one line saying so.
    process.stderr.write(build.stdout ?? '');
    process.stderr.write(build.stderr ?? '');
    process.stderr.write('solidcell: error: the build failed (see the messages above)\n');
    process.exit(build.status ?? 1);
  }
}

const child = spawn(process.execPath, [...process.execArgv, BIN, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
let interrupted = false;
for (const signal of FORWARDED) {
  process.on(signal, () => {
    interrupted = true;
    child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  if (signal !== null) {
    // Killed before it could report (a command computing synchronously): say it here, once.
    if (FORWARDED.includes(signal) || interrupted) {
      process.stderr.write(`solidcell: error: interrupted by ${signal}\n`);
      process.exit(EXIT_INTERRUPTED);
    }
    process.exit(128 + (constants.signals[signal] ?? 0));
  }
  process.exit(code ?? 1);
});
