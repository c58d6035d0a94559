// The results database and its exports: append/reopen, a torn last line, one row per key,
// CSV quoting, and a Parquet file that a Parquet reader (hyparquet) reads back unchanged.
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { resultsToCsv, resultsToParquet } from './exportResults.js';
import { type PointRecord, ResultStore, readResults } from './resultStore.js';

const row = (index: number, overrides: Partial<PointRecord> = {}): PointRecord => ({
  key: `k${index}`,
  index,
  status: 'done',
  inputs: { 'massFractions_wtPct.ncm': 70 + index, 'plugins.carbon.id': 'carbon-fiber' },
  metrics: { specificEnergy_Wh_per_kg: 500 + index / 3, retention_pct: null },
  error: null,
  seconds: 0.25,
  solidcell: '0.1.0',
  ...overrides,
});

describe('ResultStore', () => {
  it('keeps rows across reopening, the last row of a key, and cuts a torn last line', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'solidcell-store-')), 'points.ndjson');
    const store = ResultStore.open(path);
    store.append([row(0), row(1, { status: 'failed', error: 'step size collapsed, "x"' })]);
    store.close();
    appendFileSync(path, '{"key":"k2","ind'); // a crash mid-append
    const reopened = ResultStore.open(path);
    expect(reopened.size).toBe(2);
    expect(reopened.statusOf('k1')).toBe('failed');
    expect(reopened.statusOf('k2')).toBeUndefined();
    reopened.append([row(1), row(2)]);
    reopened.close();
    expect(
      readFileSync(path, 'utf8')
        .split('\n')
        .every((line) => line === '' || JSON.parse(line)),
    ).toBe(true);
    const rows = readResults(path);
    expect(rows.map((r) => [r.key, r.status])).toEqual([
      ['k0', 'done'],
      ['k1', 'done'],
      ['k2', 'done'],
    ]);
  });
});

describe('exports', () => {
  const rows = [row(0), row(1, { status: 'failed', metrics: {}, error: 'bad, "quoted"' })];

  it('writes CSV with a header, empty cells for missing values and RFC 4180 quoting', () => {
    const [header, first, second] = resultsToCsv(rows).trim().split('\n');
    expect(header).toBe(
      'index,key,status,massFractions_wtPct.ncm,plugins.carbon.id,specificEnergy_Wh_per_kg,retention_pct,error,seconds',
    );
    expect(first).toBe(`0,k0,done,70,carbon-fiber,500,,,0.25`);
    expect(second).toBe('1,k1,failed,71,carbon-fiber,,,"bad, ""quoted""",0.25');
  });

  it('writes Parquet that a reader reads back with the same values and types', async () => {
    const bytes = resultsToParquet(rows);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const read = await parquetReadObjects({ file: file as ArrayBuffer });
    expect(read).toHaveLength(2);
    expect(read[0]).toMatchObject({
      index: 0,
      key: 'k0',
      status: 'done',
      'massFractions_wtPct.ncm': 70,
      'plugins.carbon.id': 'carbon-fiber',
      specificEnergy_Wh_per_kg: 500,
      retention_pct: null,
      error: null,
    });
    expect(read[1]!.specificEnergy_Wh_per_kg).toBeNull();
    expect(read[1]!.error).toBe('bad, "quoted"');
    expect(read[1]!['massFractions_wtPct.ncm']).toBe(71);
  });
});
