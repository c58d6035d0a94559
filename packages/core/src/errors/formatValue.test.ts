import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatValue, invalidInput } from './SolidCellError.js';

function deepObject(depth: number): unknown {
  let value: unknown = 1;
  for (let k = 0; k < depth; k++) value = { a: value };
  return value;
}

describe(formatValue, () => {
  it('keeps short values exact', () => {
    expect(formatValue('abc')).toBe('"abc"');
    expect(formatValue(0.1)).toBe('0.1');
    expect(formatValue({ a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(formatValue(undefined)).toBe('nothing');
  });

  it('cuts a 50 MB-class string to a short message', () => {
    const text = formatValue('x'.repeat(1_000_000));
    expect(text.length).toBeLessThanOrEqual(122);
    expect(text.endsWith('…"')).toBe(true);
  });

  it('renders 5000- and 100000-deep nesting shortly, without recursing through it', () => {
    expect(formatValue(deepObject(5000))).toBe('{"a":{"a":{"a":{…}}}}');
    expect(formatValue(deepObject(100_000)).length).toBeLessThan(40);
  });

  it('an invalid-input message stays under 400 characters for any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        expect(() => invalidInput('field', value, 'x')).toThrow(
          expect.objectContaining({
            message: expect.stringMatching(/^field = .{1,200} is not allowed/s),
          }),
        );
      }),
      { numRuns: 200, seed: 21 },
    );
  });
});
