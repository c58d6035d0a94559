// Root test configuration: one vitest project per workspace package, resolving sibling
// packages to their TypeScript sources through the `@solidcell/source` export condition.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

const workspaceDirs = ['packages', 'apps', 'examples'];
const projects = workspaceDirs.flatMap((dir) => {
  const url = new URL(`./${dir}/`, import.meta.url);
  if (!existsSync(url)) return [];
  return readdirSync(url, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() &&
        existsSync(new URL(`${entry.name}/package.json`, url)) &&
        // The plugin template installs from npm outside the workspace (tooling/consumer-test).
        `${dir}/${entry.name}` !== 'examples/plugin-template',
    )
    .map((entry) => ({
      extends: true as const,
      root: `${dir}/${entry.name}`,
      test: { name: entry.name, include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
    }));
});

export default defineConfig({
  ssr: { resolve: { conditions: ['@solidcell/source', ...defaultServerConditions] } },
  test: {
    projects,
    testTimeout: 60_000,
    setupFiles: [fileURLToPath(new URL('./vitest.setup.ts', import.meta.url))],
  },
});
