// The results database and its exports: append/reopen, group commit, durability under SIGKILL,
// the import of an older NDJSON store, one row per key,
// CSV quoting, and a Parquet file that a Parquet reader (hyparquet) reads back unchanged.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { resultsToCsv, resultsToParquet } from './exportResults.js';
import { importLegacyStore } from './importLegacyStore.js';
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

describe('ResultStore (DuckDB)', () => {
  it('keeps rows across reopening and the last row of a key, and commits concurrent appends together', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'solidcell-store-')), 'points.duckdb');
    const store = await ResultStore.open(path);
    await store.append([row(0), row(1, { status: 'failed', error: 'step size collapsed, "x"' })]);
    await store.close();
    const reopened = await ResultStore.open(path);
    expect(reopened.size).toBe(2);
    expect(reopened.statusOf('k1')).toBe('failed');
    expect(reopened.statusOf('k2')).toBeUndefined();
    // Appends that arrive while a commit runs (not awaited one by one) all land, once each.
    await Promise.all([
      reopened.append([row(1)]),
      reopened.append([row(2)]),
      reopened.append([row(2)]),
    ]);
    await reopened.close();
    const rows = await readResults(path);
    expect(rows.map((r) => [r.key, r.status])).toEqual([
      ['k0', 'done'],
      ['k1', 'done'],
      ['k2', 'done'],
    ]);
    expect(rows[0]).toEqual(row(0));
  });

  it('loses no row whose append resolved when its process is SIGKILLed mid-sweep', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'solidcell-store-')), 'points.duckdb');
    const storeModule = fileURLToPath(new URL('./resultStore.ts', import.meta.url));
    const writer = `const { ResultStore } = await import(${JSON.stringify(storeModule)});
const store = await ResultStore.open(${JSON.stringify(path)});
for (let i = 0; ; i++) {
  await store.append([{ key: 'k' + i, index: i, status: 'done', inputs: {}, metrics: { m: i }, error: null, seconds: 0, solidcell: 'x' }]);
  process.stdout.write('stored ' + i + '\\n');
}`;
    const child = spawn(
      process.execPath,
      [
        '--conditions=@solidcell/source',
        '--import',
        'tsx',
        '--input-type=module',
        '--eval',
        writer,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let reported = -1;
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        const last = /stored (\d+)\n$/.exec(chunk.toString());
        if (last) reported = Number(last[1]);
        if (reported >= 20 && child.kill('SIGKILL')) resolve();
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const keys = new Set((await readResults(path)).map((r) => r.key));
    for (let i = 0; i <= reported; i++) expect(keys.has(`k${i}`)).toBe(true);
  }, 60_000);

  it('imports an older NDJSON store once: last row per key, a torn last line skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'solidcell-store-'));
    const legacy = join(dir, 'points.ndjson');
    writeFileSync(
      legacy,
      `${JSON.stringify(row(0, { status: 'failed' }))}\n${JSON.stringify(row(0))}\n{"key":"k2","ind`,
    );
    const store = await ResultStore.open(join(dir, 'points.duckdb'));
    expect(await importLegacyStore(legacy, store)).toBe(1);
    expect(await importLegacyStore(legacy, store)).toBe(0);
    await store.close();
    expect(existsSync(`${legacy}.imported`)).toBe(true);
    expect(await readResults(join(dir, 'points.duckdb'))).toEqual([row(0)]);
  });

  it('names the file when it is not a database', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'solidcell-store-')), 'points.duckdb');
    writeFileSync(path, 'not a database');
    await expect(readResults(path)).rejects.toThrow(/^database = .*points\.duckdb is not allowed/);
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
