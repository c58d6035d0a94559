// Cell configuration files: schema, loader, plugin composition and the paper's example cells.
export {
  CELL_CONFIG_SCHEMA_VERSION,
  type CellConfig,
  type CellConfigInput,
  type CellPluginSpecs,
  cellConfigSchema,
  NAMED_PROTOCOLS,
  type PluginSpec,
  type ProtocolSpec,
} from './cellConfigSchema.js';
export { cellSetupFromConfig } from './cellSetupFromConfig.js';
export {
  configuredPlugins,
  type PluginRole,
  pluginForRole,
  pluginIdsFor,
} from './composePlugins.js';
export { loadCellConfig, parseCellConfig, withConfigFile } from './loadCellConfig.js';
export {
  type CyclingSettings,
  namedProtocol,
  PAPER_CYCLING,
  PULSE_PROTOCOL_DESCRIPTION,
  protocolFromConfig,
  type ResolvedProtocol,
} from './namedProtocols.js';
export { PAPER_CONFIG_SEED, paperCellConfig, paperCellConfigs } from './paperCellConfigs.js';
