// Cache of completed experiments, keyed by a hash of their inputs; each entry carries a checksum
// of its payload so a corrupted or truncated entry is detected and recomputed, never trusted. An
// entry that is not a regular file, or whose payload is not numeric study data (null, `{}`, text
// where numbers belong: only a step's `endedBy` reason is text), counts as corrupted too, even with a valid checksum.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '@solidcell/microstructure/node';
import { canonicalJson, sha256 } from '../io/canonicalJson.js';

interface CacheEntry {
  readonly key: string;
  readonly checksum: string;
  readonly payload: unknown;
}

/** The one key under which study results hold text: a step's end reason (`endedBy`). */
const TEXT_KEY = 'endedBy';

/**
 * True for what an experiment stores: a non-empty object or array whose leaves are numbers,
 * booleans or null (JSON's NaN); text only as a step's end reason (`endedBy`). Iterative, so a
 * deeply nested payload cannot overflow the stack.
 */
export function isNumericStudyData(payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null || Object.keys(payload).length === 0) {
    return false;
  }
  const pending: [string, unknown][] = [['', payload]];
  while (pending.length > 0) {
    const [key, value] = pending.pop()!;
    if (typeof value === 'object' && value !== null) {
      const isArray = Array.isArray(value);
      for (const [k, v] of Object.entries(value)) pending.push([isArray ? key : k, v]);
    } else if (typeof value === 'string') {
      if (key !== TEXT_KEY) return false;
    } else if (typeof value !== 'number' && typeof value !== 'boolean' && value !== null) {
      return false;
    }
  }
  return true;
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
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats === undefined) return { hit: false, reason: 'absent' };
    try {
      const entry = stats.isFile() ? (JSON.parse(readFileSync(path, 'utf8')) as CacheEntry) : null;
      if (
        entry?.key === key &&
        entry.checksum === sha256(canonicalJson(entry.payload)) &&
        isNumericStudyData(entry.payload)
      ) {
        return { hit: true, payload: entry.payload };
      }
    } catch {
      // Unreadable or unparseable: fall through to the corrupted case.
    }
    rmSync(path, { force: true, recursive: true });
    return { hit: false, reason: 'corrupted' };
  }

  /** Stores a payload atomically. */
  public set(key: string, payload: unknown): void {
    const entry: CacheEntry = { key, checksum: sha256(canonicalJson(payload)), payload };
    writeFileAtomic(this.pathOf(key), JSON.stringify(entry));
  }
}
