// Canonical JSON (sorted keys, no whitespace) and its SHA-256, for cache keys and checksums.
import { createHash } from 'node:crypto';

/** JSON with object keys sorted recursively, so equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (
      item === null ||
      typeof item !== 'object' ||
      Array.isArray(item) ||
      ArrayBuffer.isView(item)
    )
      return item;
    return Object.fromEntries(
      Object.entries(item as Record<string, unknown>).sort(([a], [b]) =>
        a < b ? -1 : a > b ? 1 : 0,
      ),
    );
  });
}

/** Hex SHA-256 of a string. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
