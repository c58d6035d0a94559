// `solidcell reproduce`: re-runs the study of Kim et al. 2024 from first principles — voxel
// microstructures, fitted transport, formation, rate, cycling, pulses, CV — and writes the report.
import { createCell, fromCelsius, SolidCellError } from '@solidcell/core';
import type { Command } from 'commander';
import type { CommandOutput } from '../cli/output.js';
import { parseJobsOption, parseSeedOption } from '../cli/parseNumberOption.js';
import { prepareOutputFolder } from '../io/prepareOutputFolder.js';
import { firstPartyPlugin } from '../plugins/firstPartyPlugins.js';
import { buildMetrics } from '../reproduce/buildMetrics.js';
import { runStudy } from '../reproduce/runStudy.js';
import {
  cellTasks,
  microstructureTasks,
  type StudySettings,
  studySettings,
  taskLabel,
} from '../reproduce/studyPlan.js';
import { preloadFigureRenderer, writeReport } from '../reproduce/writeReport.js';

interface ReproduceFlags {
  readonly out: string;
  readonly quick?: boolean;
  readonly seed: string;
  readonly jobs?: string;
  readonly json?: boolean;
  readonly dryRun?: boolean;
}

/** Bulk SE conductivity at 25 °C from the materials plugin (the scale of the voxel ionic results). */
function seConductivity_S_per_m(): number {
  const cell = createCell([
    firstPartyPlugin('materials'),
    firstPartyPlugin('ncm-charge-transfer'),
    firstPartyPlugin('effective-medium-transport'),
  ]);
  return cell
    .material('solid-electrolyte')
    .ionicConductivity_S_per_m({ temperature_K: fromCelsius(25) });
}

/** What `--dry-run` prints: the validated settings and every experiment of both stages. */
function studyPlanSummary(settings: StudySettings, jobs: number, outDir: string) {
  // Stage-2 labels do not depend on the ionic law fitted in stage 1; any law lists them.
  const labelLaw = { ionicExponent: 1, ionicThreshold: 0 };
  return {
    settings,
    jobs,
    outDir,
    stage1: microstructureTasks(settings).map(taskLabel),
    stage2: cellTasks(settings, labelLaw, {}).map(taskLabel),
  };
}

/** Runs the reproduction; SIGINT/SIGTERM stop it cleanly, keeping finished experiments cached. */
export async function runReproduce(flags: ReproduceFlags, output: CommandOutput): Promise<void> {
  const seed = parseSeedOption(flags.seed);
  const jobs = parseJobsOption(flags.jobs);
  const settings = studySettings(flags.quick === true, seed);
  if (flags.dryRun) {
    const plan = studyPlanSummary(settings, jobs, flags.out);
    if (flags.json) output.json(plan);
    else
      output.text(
        `would run ${plan.stage1.length} microstructures and ${plan.stage2.length} cell experiments on ${jobs} thread(s) into ${flags.out}:\n${[...plan.stage1, ...plan.stage2].join('\n')}`,
      );
    return;
  }
  prepareOutputFolder('--out', flags.out);
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) =>
    controller.abort(
      new SolidCellError(
        'E_INTERRUPTED',
        `interrupted by ${signal}; finished experiments are cached in ${flags.out}/cache — run again to resume`,
      ),
    );
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const started = performance.now();
  try {
    output.message(
      `reproduce: ${settings.quick ? 'quick' : 'default'} settings, ${jobs} worker thread(s), output in ${flags.out}`,
    );
    preloadFigureRenderer();
    const study = await runStudy(settings, seConductivity_S_per_m(), {
      outDir: flags.out,
      jobs,
      progress: process.stderr,
      signal: controller.signal,
    });
    // A rerun where everything is cached never reaches a task boundary: honour a signal here.
    controller.signal.throwIfAborted();
    const { metrics, omitted } = buildMetrics(study, (performance.now() - started) / 1000);
    const report = await writeReport(flags.out, study, metrics, omitted);
    controller.signal.throwIfAborted();
    if (flags.json) output.json(report);
    else
      output.text(
        `wrote ${flags.out}/report.md, report.json, figures/ and data/ (${Object.keys(metrics).length} metrics, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    if (study.failures.length > 0) {
      throw new SolidCellError(
        'E_SOLVER_NOT_CONVERGED',
        `${study.failures.length} experiment(s) failed (first: ${study.failures[0]!.experiment}: ${study.failures[0]!.message}); the report lists them`,
      );
    }
    if (omitted.length > 0) {
      // Documented: metrics that could not be computed (non-finite values) end the run with exit 4.
      throw new SolidCellError(
        'E_SOLVER_NON_FINITE',
        `${omitted.length} metric(s) could not be computed (first: ${omitted[0]}); report.json lists them under omittedMetrics`,
      );
    }
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }
}

/** Registers the command. */
export function registerReproduceCommand(program: Command, output: CommandOutput): void {
  program
    .command('reproduce')
    .description(
      'reproduce the study of Kim et al., Adv. Funct. Mater. 2024 end to end (report, figures, data)',
    )
    .option('--out <dir>', 'output folder', 'reproduction')
    .option('--quick', 'coarser grids and fewer cycles (what CI runs)')
    .option('--seed <n>', 'seed of every stochastic step', '1')
    .option('--jobs <n>', 'worker threads for independent experiments (default: number of cores)')
    .option('--json', 'print report.json on stdout')
    .option('--dry-run', 'validate the options and list the experiments without running them')
    .action((flags: ReproduceFlags) => runReproduce(flags, output));
}
