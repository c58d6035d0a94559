// Cache of completed experiments, keyed by a hash of their inputs; each entry carries a checksum
// of its payload so a corrupted or truncated entry is detected and recomputed, never trusted.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '@solidcell/microstructure/node';
import { canonicalJson, sha256 } from '../io/canonicalJson.js';

interface CacheEntry {
  readonly key: string;
  readonly checksum: string;
  readonly payload: unknown;
}

/** Why a lookup missed. */
export type CacheMiss = 'absent' | 'corrupted';

/** A folder of cached experiment results. */
export class ExperimentCache {
  public constructor(private readonly directory: string) {}

  /** The cache key of a set of inputs. */
  public static keyOf(inputs: unknown): string {
    return sha256(canonicalJson(inputs));
  }

  private pathOf(key: string): string {
    return join(this.directory, `${key}.json`);
  }

  /** The cached payload, or why there is none (a corrupted entry is deleted). */
  public get(key: string): { hit: true; payload: unknown } | { hit: false; reason: CacheMiss } {
    const path = this.pathOf(key);
    if (!existsSync(path)) return { hit: false, reason: 'absent' };
    try {
      const entry = JSON.parse(readFileSync(path, 'utf8')) as CacheEntry;
      if (entry.key === key && entry.checksum === sha256(canonicalJson(entry.payload))) {
        return { hit: true, payload: entry.payload };
      }
    } catch {
      // Unparseable: fall through to the corrupted case.
    }
    rmSync(path, { force: true });
    return { hit: false, reason: 'corrupted' };
  }

  /** Stores a payload atomically. */
  public set(key: string, payload: unknown): void {
    const entry: CacheEntry = { key, checksum: sha256(canonicalJson(payload)), payload };
    writeFileAtomic(this.pathOf(key), JSON.stringify(entry));
  }
}
