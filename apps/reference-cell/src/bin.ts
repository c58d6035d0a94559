#!/usr/bin/env node
// Entry point of the `solidcell` program.
import { runCli } from './cli/runCli.js';

process.exitCode = await runCli(process.argv.slice(2));
