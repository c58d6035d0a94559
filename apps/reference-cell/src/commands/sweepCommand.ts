// `solidcell sweep <design>`: runs a design-space sweep on local worker threads (or, with
// --queue, on BullMQ workers), stores one row per point, exports CSV + Parquet and, with --plot,
// draws Pareto fronts and heat maps; `solidcell sweep plot <dir>` draws them from a stored sweep.
import { existsSync } from 'node:fs';
import { invalidInput, SolidCellError } from '@solidcell/core';
import type { Command } from 'commander';
import type { CommandOutput } from '../cli/output.js';
import { parseBoundedOption, parseJobsOption } from '../cli/parseNumberOption.js';
import { planDesign } from '../sweep/designPoints.js';
import { exportResults } from '../sweep/exportResults.js';
import { importLegacyStore } from '../sweep/importLegacyStore.js';
import { loadDesign } from '../sweep/loadDesign.js';
import { checkRedis } from '../sweep/queue/connectRedis.js';
import { parseQueueUrl, redactUrl } from '../sweep/queue/redisUrl.js';
import { runQueueSweep } from '../sweep/queue/runQueueSweep.js';
import { ResultStore, readResults } from '../sweep/resultStore.js';
import { runLocalSweep } from '../sweep/runLocalSweep.js';
import { writeSweepFigures } from '../sweep/sweepFigures.js';
import { sweepFiles } from '../sweep/sweepFiles.js';

interface SweepFlags {
  readonly out?: string;
  readonly jobs?: string;
  readonly retryFailed?: boolean;
  readonly queue?: string;
  readonly inFlight: string;
  readonly dryRun?: boolean;
  readonly plot?: boolean;
  readonly json?: boolean;
}

/** Draws the maps of a stored sweep; returns the figure ids. */
async function plotSweep(outDir: string, output: CommandOutput): Promise<string[]> {
  const files = sweepFiles(outDir);
  if (!existsSync(files.database)) {
    const legacy = existsSync(files.legacyDatabase)
      ? `; ${files.legacyDatabase} is an older store: rerun the sweep to import it`
      : '';
    invalidInput('<dir>', outDir, `a sweep output folder (with ${files.database})${legacy}`);
  }
  const ids = await writeSweepFigures(await readResults(files.database), files.figures);
  output.message(`wrote ${ids.length} figure(s) to ${files.figures} (PNG, SVG, Vega-Lite)`);
  return ids;
}

/** Stops a run on SIGINT/SIGTERM through an abort signal; returns the signal and a cleanup. */
function interruptSignal(what: string): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const stop = (name: NodeJS.Signals) =>
    controller.abort(
      new SolidCellError('E_INTERRUPTED', `interrupted by ${name}; ${what} — run again to resume`),
    );
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    release: () => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
    },
  };
}

/** Runs a sweep and exports its table. */
export async function runSweep(designPath: string, flags: SweepFlags, output: CommandOutput) {
  const loaded = loadDesign(designPath);
  const plan = planDesign(loaded);
  const outDir = flags.out ?? `sweep-${loaded.design.name}`;
  const files = sweepFiles(outDir);
  const jobs = parseJobsOption(flags.jobs);
  const queueUrl = flags.queue === undefined ? undefined : parseQueueUrl('--queue', flags.queue);
  const inFlight = parseBoundedOption('--in-flight', flags.inFlight, {
    min: 1,
    max: 100_000,
    unit: 'points',
    integer: true,
  });
  if (flags.dryRun) {
    const summary = {
      name: loaded.design.name,
      points: plan.count,
      inputs: plan.inputColumns,
      outDir,
    };
    if (flags.json) output.json(summary);
    else
      output.text(
        `would run ${plan.count} points over ${plan.inputColumns.join(', ')} into ${outDir}`,
      );
    return;
  }
  if (queueUrl !== undefined) await checkRedis('--queue', queueUrl);
  const store = await ResultStore.open(files.database);
  const imported = await importLegacyStore(files.legacyDatabase, store);
  if (imported > 0) {
    output.message(
      `imported ${imported} point(s) of ${files.legacyDatabase} into ${files.database}`,
    );
  }
  const { signal, release } = interruptSignal(`finished points are stored in ${files.database}`);
  const started = performance.now();
  let counts: Awaited<ReturnType<typeof runLocalSweep>>;
  try {
    const engine =
      queueUrl === undefined ? `${jobs} worker thread(s)` : `queue ${redactUrl(queueUrl)}`;
    output.message(
      `sweep ${loaded.design.name}: ${plan.count} points on ${engine}, database ${files.database}`,
    );
    const common = { progress: process.stderr, signal, retryFailed: flags.retryFailed === true };
    counts =
      queueUrl === undefined
        ? await runLocalSweep(plan, store, { jobs, ...common })
        : await runQueueSweep(plan, store, { url: queueUrl, inFlight, ...common });
  } finally {
    release();
    await store.close();
  }
  const exports = exportResults(await readResults(files.database), files.table);
  const figures = flags.plot ? await plotSweep(outDir, output) : [];
  const summary = {
    name: loaded.design.name,
    ...counts,
    seconds: (performance.now() - started) / 1000,
    database: files.database,
    exports,
    figures,
  };
  if (flags.json) output.json(summary);
  else
    output.text(
      `sweep ${summary.name}: ${counts.done} points computed, ${counts.failed} failed, ${counts.stored} already stored (${summary.seconds.toFixed(1)} s); wrote ${exports.join(', ')}`,
    );
}

/** Registers `sweep` (and `sweep plot`). */
export function registerSweepCommand(program: Command, output: CommandOutput): void {
  const sweep = program
    .command('sweep')
    .description(
      'run a design-space sweep from a design file (JSON or YAML); results in a database',
    )
    .argument('<design>', 'design file (see docs/guides/sweep.md)')
    .option('--out <dir>', 'output folder (database, CSV, Parquet, figures); default sweep-<name>')
    .option('--jobs <n>', 'worker threads of the local engine (default: number of cores)')
    .option(
      '--queue <url>',
      'run the points on `solidcell worker`s through BullMQ on Redis: redis://[user:password@]host:port/db or rediss://',
    )
    .option('--in-flight <n>', 'with --queue: points enqueued and not yet stored, at most', '256')
    .option('--retry-failed', 'run points stored as failed again')
    .option('--plot', 'draw Pareto fronts and heat maps into <out>/figures (PNG, SVG, Vega-Lite)')
    .option('--dry-run', 'validate the design and count its points without running them')
    .option('--json', 'print one JSON summary on stdout')
    .action((design: string, flags: SweepFlags) => runSweep(design, flags, output));
  sweep
    .command('plot')
    .description('draw the Pareto fronts and heat maps of a stored sweep')
    .argument('<dir>', 'the sweep output folder (--out of the sweep)')
    .option('--json', 'print the figure ids as JSON')
    .action(async (dir: string, flags: { json?: boolean }, command: Command) => {
      const ids = await plotSweep(dir, output);
      // `--json` after `plot` is parsed by `sweep`, which declares the same option.
      if (flags.json || command.parent?.opts().json) output.json({ figures: ids });
    });
}
