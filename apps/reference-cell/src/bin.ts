#!/usr/bin/env node
// Entry point of the `solidcell` program.
import { toleratePipeClose } from './cli/output.js';
import { runCli } from './cli/runCli.js';

toleratePipeClose(process.stdout);
toleratePipeClose(process.stderr);
process.exitCode = await runCli(process.argv.slice(2));
