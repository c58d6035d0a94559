// API reference: typedoc over every workspace package that has src/index.ts, rendered to
// Markdown for VitePress into docs/api/ (generated, git-ignored). Packages still in progress
// are tolerated: `skipErrorChecking` documents them even while they have type errors.
import { existsSync, readdirSync } from 'node:fs';

const packagesDir = new URL('../packages/', import.meta.url);
const entryPoints = readdirSync(packagesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .filter((entry) => existsSync(new URL(`${entry.name}/src/index.ts`, packagesDir)))
  .filter((entry) => existsSync(new URL(`${entry.name}/package.json`, packagesDir)))
  .map((entry) => `../packages/${entry.name}`);

/** @type {Partial<import('typedoc').TypeDocOptions & import('typedoc-plugin-markdown').PluginOptions>} */
export default {
  entryPointStrategy: 'packages',
  entryPoints,
  packageOptions: {
    entryPoints: ['src/index.ts'],
    skipErrorChecking: true,
    excludeExternals: true,
    disableSources: true,
  },
  // Title of /api/ and the first breadcrumb of every API page.
  name: 'API reference',
  out: 'api',
  plugin: ['typedoc-plugin-markdown', 'typedoc-vitepress-theme'],
  docsRoot: '.',
  // Absolute links: VitePress prefetches the links of a page during idle time, and after a fast
  // client-side navigation a relative link resolves against the next page's URL (a wrong, 404ing
  // chunk request that failed the browser test once).
  publicPath: '/api/',
  readme: 'none',
  entryFileName: 'index',
  hidePageHeader: true,
  skipErrorChecking: true,
  excludePrivate: true,
  githubPages: false,
  disableSources: true,
  logLevel: 'Warn',
};
