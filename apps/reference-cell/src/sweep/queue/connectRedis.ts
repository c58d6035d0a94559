// Connections to the sweep's Redis: a fail-fast reachability check (one attempt, 5 s, one-line
// error with the password redacted) and the connection options BullMQ's queues and workers use.
import { SolidCellError } from '@solidcell/core';
import { Redis } from 'ioredis';
import { redactMessage, redactUrl } from './redisUrl.js';

/** How long a first connection may take before the sweep gives up (ms). */
export const REDIS_CONNECT_TIMEOUT_MS = 3000;
/** Oldest Redis BullMQ supports well. */
const MIN_REDIS_VERSION = [6, 2] as const;

/** Connection options for BullMQ (`maxRetriesPerRequest: null` is what its workers require). */
export function bullConnection(url: string) {
  return { url, maxRetriesPerRequest: null, connectTimeout: REDIS_CONNECT_TIMEOUT_MS };
}

function unreachable(flag: string, url: string, reason: string): SolidCellError {
  return new SolidCellError(
    'E_INVALID_INPUT',
    `${flag} = ${redactUrl(url)} is not allowed: expected a reachable Redis ≥ ${MIN_REDIS_VERSION.join('.')} (${redactMessage(reason, url)})`,
    { field: flag, value: redactUrl(url), allowed: 'a reachable Redis' },
  );
}

/**
 * Connects once, pings and checks the server version; fails within about 5 s.
 * @throws SolidCellError `E_INVALID_INPUT` (exit 2) naming the flag and the redacted URL.
 */
export async function checkRedis(flag: string, url: string): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // The 'error' event names the cause (ECONNREFUSED, WRONGPASS, …); the rejection of connect()
  // often says only "Connection is closed".
  let cause: string | undefined;
  client.on('error', (error: Error) => {
    cause ??= error.message;
  });
  const deadline = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error('no answer within 5 s')),
      REDIS_CONNECT_TIMEOUT_MS + 500,
    ).unref(),
  );
  try {
    const info = await Promise.race([client.connect().then(() => client.info('server')), deadline]);
    const version = /redis_version:(\d+)\.(\d+)/.exec(info);
    const [major, minor] = [Number(version?.[1] ?? 0), Number(version?.[2] ?? 0)];
    if (
      major < MIN_REDIS_VERSION[0] ||
      (major === MIN_REDIS_VERSION[0] && minor < MIN_REDIS_VERSION[1])
    ) {
      throw new Error(`server is Redis ${major}.${minor}`);
    }
  } catch (error) {
    // Let a connection error event that follows the rejection name the cause.
    await new Promise((resolve) => setImmediate(resolve));
    throw unreachable(flag, url, cause ?? (error instanceof Error ? error.message : String(error)));
  } finally {
    client.disconnect();
  }
}
