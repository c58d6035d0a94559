// Redis URLs of the distributed sweep engine: validation (redis:// or rediss://, host, port, db)
// and redaction, so a password never reaches a log line or an error message.
import { invalidInput } from '@solidcell/core';

/** The queue every coordinator and worker of this SolidCell version uses. */
export const SWEEP_QUEUE_NAME = 'solidcell-sweep';

/** The URL with its password (and a user name given alone, which Redis also treats as one) as `***`. */
export function redactUrl(text: string): string {
  return text.replace(
    /([a-z][a-z\d+.-]*:\/\/)([^@/\s]*)@/gi,
    (_match, scheme: string, auth: string) => {
      const colon = auth.indexOf(':');
      const user = colon >= 0 ? auth.slice(0, colon) : '';
      return `${scheme}${user}:***@`;
    },
  );
}

/** Removes the password of `url` from any message (the URL as given and as the URL parser spells it). */
export function redactMessage(message: string, url: string): string {
  let text = redactUrl(message);
  try {
    const { password } = new URL(url);
    for (const secret of [password, decodeURIComponent(password)]) {
      if (secret.length > 0) text = text.replaceAll(secret, '***');
    }
  } catch {
    // Not a URL: nothing more to hide.
  }
  return text;
}

/**
 * Validates a `--queue` URL: `redis://[user:password@]host[:port][/db]` or `rediss://` (TLS).
 * @throws SolidCellError `E_INVALID_INPUT` naming the flag and the redacted URL.
 */
export function parseQueueUrl(flag: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return invalidInput(
      flag,
      redactUrl(text),
      'a URL redis://[user:password@]host[:port][/db] or rediss://…',
    );
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    invalidInput(flag, redactUrl(text), 'a URL starting with redis:// or rediss://');
  }
  if (url.hostname === '') invalidInput(flag, redactUrl(text), 'a URL with a host name');
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d{1,2}$/.test(db)) {
    invalidInput(
      flag,
      redactUrl(text),
      'a database number 0–99 as the URL path (redis://host:port/0)',
    );
  }
  return text;
}
