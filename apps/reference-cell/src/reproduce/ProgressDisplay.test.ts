import { describe, expect, it } from 'vitest';
import { ProgressDisplay } from './ProgressDisplay.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, write: (text: string) => chunks.push(text) };
}

describe(ProgressDisplay, () => {
  it('logs start, quarter steps and completion when stderr is not a terminal', () => {
    const out = sink(false);
    const display = new ProgressDisplay(['formation ncm90_sc3', 'rate ncm80_sc3'], out);
    display.progress(0, 0.01, 'charge');
    display.progress(0, 0.1, 'charge');
    display.progress(0, 0.3, 'charge');
    display.progress(0, 0.31, 'charge');
    display.done(0);
    display.cached(1);
    expect(out.chunks).toHaveLength(4);
    expect(out.chunks[0]).toContain('formation ncm90_sc3');
    expect(out.chunks[1]).toContain(' 30 %');
    expect(out.chunks[2]).toMatch(/done in \d+\.\d s/);
    expect(out.chunks[3]).toContain('cached');
  });

  it('redraws every row in place on a terminal', () => {
    const out = sink(true);
    const display = new ProgressDisplay(['a', 'b'], out);
    display.progress(0, 0.5, 'x');
    display.progress(1, 0.25, 'y');
    expect(out.chunks[1]?.startsWith('\u001b[2A')).toBe(true);
    expect(out.chunks[1]).toContain('[##########..........]  50 % x');
  });
});
