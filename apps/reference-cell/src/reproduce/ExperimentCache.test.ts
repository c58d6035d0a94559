import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExperimentCache } from './ExperimentCache.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'solidcell-cache-'));

describe(ExperimentCache, () => {
  it('returns what was stored under the hash of equal inputs, whatever their key order', () => {
    const cache = new ExperimentCache(freshDir());
    const key = ExperimentCache.keyOf({ ncm: 90, carbon: { type: 'sc', wtPct: 3 } });
    cache.set(key, { capacity_mAh_per_g: 180.5 });
    expect(ExperimentCache.keyOf({ carbon: { wtPct: 3, type: 'sc' }, ncm: 90 })).toBe(key);
    expect(cache.get(key)).toEqual({ hit: true, payload: { capacity_mAh_per_g: 180.5 } });
  });

  it('misses for different inputs', () => {
    const cache = new ExperimentCache(freshDir());
    cache.set(ExperimentCache.keyOf({ a: 1 }), 1);
    expect(cache.get(ExperimentCache.keyOf({ a: 2 }))).toEqual({ hit: false, reason: 'absent' });
  });

  it('detects a tampered payload by its checksum and removes the entry', () => {
    const dir = freshDir();
    const cache = new ExperimentCache(dir);
    const key = ExperimentCache.keyOf({ a: 1 });
    cache.set(key, { value: 1 });
    const path = join(dir, `${key}.json`);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"value":1', '"value":2'));
    expect(cache.get(key)).toEqual({ hit: false, reason: 'corrupted' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('detects a truncated entry', () => {
    const dir = freshDir();
    const cache = new ExperimentCache(dir);
    const key = ExperimentCache.keyOf({ a: 1 });
    cache.set(key, { value: [1, 2, 3] });
    const path = join(dir, `${key}.json`);
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 20));
    expect(cache.get(key)).toEqual({ hit: false, reason: 'corrupted' });
  });

  it('leaves no temporary files behind', () => {
    const dir = freshDir();
    new ExperimentCache(dir).set('k', { v: 1 });
    expect(readdirSync(dir)).toEqual(['k.json']);
  });
});
