// Build-time data of the design-sweep page: the sweep computed by core's composition maths.
import { designSweep } from '@solidcell/docs-examples';

export default {
  load() {
    return designSweep();
  },
};
