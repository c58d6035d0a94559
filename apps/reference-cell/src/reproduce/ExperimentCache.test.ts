import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256 } from '../io/canonicalJson.js';
import { ExperimentCache, isNumericStudyData } from './ExperimentCache.js';

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

  it("keeps a step's end reason: a rate result with `endedBy` text is a hit, not corrupted", () => {
    const cache = new ExperimentCache(freshDir());
    const key = ExperimentCache.keyOf({ rate: 1 });
    const payload = { rate: [{ cRate: 2, dischargeMahG: null, endedBy: 'voltage at t = 0' }] };
    cache.set(key, payload);
    expect(cache.get(key)).toEqual({ hit: true, payload });
    expect(isNumericStudyData({ rate: [{ endedBy: 'x', note: 'y' }] })).toBe(false);
  });

  it('leaves no temporary files behind', () => {
    const dir = freshDir();
    new ExperimentCache(dir).set('k', { v: 1 });
    expect(readdirSync(dir)).toEqual(['k.json']);
  });
});

describe('cache entries edited with a valid checksum (reliability class 8)', () => {
  /** Writes an entry for `key` whose checksum matches `payload`, as a careful editor would. */
  function forge(dir: string, key: string, payload: unknown): void {
    const entry = { key, checksum: sha256(canonicalJson(payload)), payload };
    writeFileSync(join(dir, `${key}.json`), JSON.stringify(entry));
  }

  it.each([
    ['null', null],
    ['{}', {}],
    ['[]', []],
    ['a number', 42],
    ['text where a number belongs', { chargeMahG: 'abc', curve: { v: [1, 2] } }],
    ['text deep inside', { curve: { v: [1, 'x'] } }],
  ])('%s → a miss (corrupted, recomputed), never a hit', (_name, payload) => {
    const dir = freshDir();
    const key = ExperimentCache.keyOf({ a: 1 });
    forge(dir, key, payload);
    expect(new ExperimentCache(dir).get(key)).toEqual({ hit: false, reason: 'corrupted' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an entry replaced by a folder is removed and recomputed, not EISDIR', () => {
    const dir = freshDir();
    const key = ExperimentCache.keyOf({ a: 1 });
    mkdirSync(join(dir, `${key}.json`, 'inner'), { recursive: true });
    expect(new ExperimentCache(dir).get(key)).toEqual({ hit: false, reason: 'corrupted' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('numeric study data with NaN (null), booleans and nesting is accepted', () => {
    expect(isNumericStudyData({ a: [1, null, { b: true }], c: -0.5 })).toBe(true);
    let deep: unknown = 1;
    for (let k = 0; k < 100_000; k++) deep = [deep];
    expect(isNumericStudyData(deep)).toBe(true);
  });
});
