// Consumer test, second half: the plugin template and the published CLI outside the workspace.
// Copies examples/plugin-template to a temp folder, installs it with plain npm from the packed
// tarballs, builds it and runs its tests; installs @solidcell/cli and the packed template in a
// fresh project, runs `solidcell simulate` with a config that loads the template by package name
// (its side-reaction charge must add to the argyrodite's) and `npx @solidcell/cli reproduce --quick`.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NPM_INSTALL = ['install', '--no-audit', '--no-fund', '--loglevel=error'];

/** The side-reaction charge of the first cycle (mAh/g) of a `simulate --json` run. */
function sideReactionCharge(run, project, config) {
  const path = join(project, `${config.id}.json`);
  writeFileSync(path, JSON.stringify(config));
  const result = JSON.parse(
    run('npx', ['--no-install', 'solidcell', 'simulate', '--config', path, '--json'], project, {
      capture: true,
    }),
  );
  return { plugins: result.settings.plugins, charge: result.summary.cycles[0].sideReactionMahG };
}

/**
 * @param run - `(command, args, cwd, { capture }) => stdout`, throwing on a non-zero exit.
 * @param root - the repository root; `tarballs` the folder of the packed workspace packages.
 */
export function testPluginTemplateAndCli(run, root, work, tarballs, packCli) {
  packCli(tarballs);
  const tgz = readdirSync(tarballs).map((file) => join(tarballs, file));
  const core = tgz.find((file) => file.includes('solidcell-core-'));
  const template = join(work, 'plugin-template');
  cpSync(join(root, 'examples/plugin-template'), template, {
    recursive: true,
    filter: (path) => !/\/(node_modules|dist)$/.test(path),
  });
  run('npm', [...NPM_INSTALL, '--save-dev', core], template);
  run('npm', ['run', 'build'], template);
  run('npm', ['test'], template);
  const templateTgz = run('npm', ['pack', '--pack-destination', work], template, {
    capture: true,
  })
    .trim()
    .split('\n')
    .pop();

  const project = join(work, 'cli-project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "private": true }\n');
  run('npm', [...NPM_INSTALL, ...tgz, join(work, templateTgz)], project);
  const shipped = JSON.parse(
    readFileSync(join(root, 'apps/reference-cell/configs/ncm90_sc1.json'), 'utf8'),
  );
  const base = sideReactionCharge(run, project, { ...shipped, id: 'without-template' });
  const withTemplate = sideReactionCharge(run, project, {
    ...shipped,
    id: 'with-template',
    plugins: {
      ...shipped.plugins,
      sideReactions: [
        ...shipped.plugins.sideReactions,
        { package: 'solidcell-plugin-template', options: { onsetPotential_V: 3.0 } },
      ],
    },
  });
  if (!withTemplate.plugins.includes('solidcell-plugin-template'))
    throw new Error(`the template plugin was not composed: ${withTemplate.plugins.join(', ')}`);
  if (!(withTemplate.charge > base.charge))
    throw new Error(
      `the template's side reaction passed no charge: ${withTemplate.charge} ≤ ${base.charge} mAh/g`,
    );
  console.log(
    `template plugin by package name: side-reaction charge ${base.charge.toFixed(3)} → ${withTemplate.charge.toFixed(3)} mAh/g`,
  );
  run('npx', ['--no-install', '@solidcell/cli', 'reproduce', '--quick', '--out', 'repro'], project);
}
