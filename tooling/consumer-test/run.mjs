// Consumer test: packs every publishable package, installs the tarballs with plain npm in a
// project outside the workspace and checks that they work there — an ESM script, a CJS script,
// a TypeScript consumer under `nodenext` and `bundler` resolution, and a Vite browser bundle that
// must not pull in any Node built-in. Also runs publint and attw on every package; then the
// plugin template and the packed CLI (pluginTemplate.mjs).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testPluginTemplateAndCli } from './pluginTemplate.mjs';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures');
const work = mkdtempSync(join(tmpdir(), 'solidcell-consumer-'));
const keep = process.argv.includes('--keep');
// `--only=core,materials` restricts the run to some packages (for development).
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');

function run(command, args, cwd, options = {}) {
  console.log(`$ ${command} ${args.join(' ')}   (in ${cwd})`);
  return execFileSync(command, args, {
    cwd,
    stdio: options.capture ? 'pipe' : 'inherit',
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
}

function publishablePackages() {
  const dir = join(root, 'packages');
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => only === undefined || only.some((name) => path.endsWith(`/${name}`)))
    .filter((path) => {
      try {
        return JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')).private !== true;
      } catch {
        return false;
      }
    });
}

// Under `pnpm run`, npm_execpath is pnpm itself; otherwise fall back to the pinned pnpm via npx.
const pnpm = process.env.npm_execpath?.includes('pnpm')
  ? [process.execPath, [process.env.npm_execpath]]
  : ['npx', ['-y', 'pnpm@10.34.9']];
const bin = (name) => join(root, 'node_modules', '.bin', name);
let failed = false;
try {
  run(
    pnpm[0],
    [
      ...pnpm[1],
      'exec',
      'turbo',
      'run',
      'build',
      '--output-logs=errors-only',
      ...(only ?? []).map((name) => `--filter=@solidcell/${name}`),
    ],
    root,
  );
  const packages = publishablePackages();
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  for (const pkg of packages) {
    run(pnpm[0], [...pnpm[1], 'pack', '--pack-destination', tarballs], pkg, { capture: true });
    run(bin('publint'), ['--strict'], pkg);
  }
  const tgz = readdirSync(tarballs).map((file) => join(tarballs, file));
  for (const file of tgz)
    run(bin('attw'), ['--profile', 'node16', '--format', 'table-flipped', file], root);

  const project = join(work, 'project');
  cpSync(fixtures, project, { recursive: true });
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...tgz,
      'inversify@8.2.3',
      'reflect-metadata@0.2.2',
      'typescript@5.9.3',
      'vite@8.3.8',
      '@types/node@20',
    ],
    project,
  );
  run('node', ['esm.mjs'], project);
  run('node', ['cjs.cjs'], project);
  const projectBin = (name) => join(project, 'node_modules', '.bin', name);
  run(projectBin('tsc'), ['-p', 'tsconfig.nodenext.json'], project);
  run(projectBin('tsc'), ['-p', 'tsconfig.bundler.json'], project);
  run(projectBin('vite'), ['build', '--logLevel', 'warn'], project);
  if (only === undefined) {
    const packCli = (destination) =>
      run(
        pnpm[0],
        [...pnpm[1], 'pack', '--pack-destination', destination],
        join(root, 'apps/reference-cell'),
        {
          capture: true,
        },
      );
    testPluginTemplateAndCli(run, root, work, tarballs, packCli);
  }
  console.log('consumer test: 1 passed, 0 failed');
} catch (error) {
  failed = true;
  console.error(`consumer test failed: ${error.message.split('\n')[0]}`);
  console.log('consumer test: 0 passed, 1 failed');
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
