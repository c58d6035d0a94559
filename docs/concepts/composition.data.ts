// Build-time data of the composition page: the paper's two SE vol% values recomputed by core.
import { paperSeVolumePercent } from '@solidcell/docs-examples';

export default {
  load() {
    return paperSeVolumePercent();
  },
};
