/**
 * The SolidCell reference cell app: composes the first-party plugins into the full cell of
 * Kim et al. 2024 and runs the `solidcell` command-line program.
 *
 * @packageDocumentation
 */
export { runCli } from './cli/runCli.js';
export {
  CELL_CONFIG_SCHEMA_VERSION,
  type CellConfig,
  cellConfigSchema,
  loadCellConfig,
  parseCellConfig,
} from './config/index.js';
export { PAPER_ELECTRODES, type PaperElectrode } from './paperElectrodes.js';
export { SOLIDCELL_VERSION } from './version.js';
