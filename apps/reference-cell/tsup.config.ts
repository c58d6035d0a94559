import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    bin: 'src/bin.ts',
    experimentWorker: 'src/reproduce/experimentWorker.ts',
    transportWorker: 'src/studies/transportWorker.ts',
    sweepWorker: 'src/sweep/sweepWorker.ts',
  },
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  target: 'node20',
});
