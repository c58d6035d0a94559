// The one error type SolidCell throws on bad input or failed numerics: a stable `code`, the
// offending field, its value and the allowed range, so callers and the CLI can report it cleanly.

/** Stable machine-readable error codes. */
export type SolidCellErrorCode =
  | 'E_INVALID_INPUT'
  | 'E_COMPOSITION_SUM'
  | 'E_PLUGIN_UNKNOWN_KIND'
  | 'E_PLUGIN_DUPLICATE_ID'
  | 'E_PLUGIN_CONFLICT'
  | 'E_PLUGIN_MISSING_KIND'
  | 'E_PLUGIN_NOT_FOUND'
  | 'E_PLUGIN_NO_EXPORT'
  | 'E_PLUGIN_API_VERSION'
  | 'E_SOLVER_NOT_CONVERGED'
  | 'E_SOLVER_NON_FINITE'
  | 'E_RESOURCE_LIMIT'
  | 'E_INTERRUPTED';

/** Details attached to a {@link SolidCellError}. */
export interface SolidCellErrorDetails {
  /** Dotted path of the offending input field, e.g. `composition.ncm`. */
  readonly field?: string;
  /** The value that was rejected. */
  readonly value?: unknown;
  /** Human-readable allowed range or set, e.g. `0 ≤ x ≤ 100 wt%`. */
  readonly allowed?: string;
}

/**
 * Error raised by every SolidCell package for invalid input, plugin composition problems and
 * solver failures.
 *
 * @remarks
 * Never test with `instanceof` across packages (two copies of core may be loaded); use
 * {@link isSolidCellError}, which checks the brand.
 */
export class SolidCellError extends Error {
  /** Brand used by {@link isSolidCellError}. */
  public readonly solidCellError = true as const;
  public readonly code: SolidCellErrorCode;
  public readonly field: string | undefined;
  public readonly value: unknown;
  public readonly allowed: string | undefined;

  public constructor(
    code: SolidCellErrorCode,
    message: string,
    details: SolidCellErrorDetails = {},
  ) {
    super(message);
    this.name = 'SolidCellError';
    this.code = code;
    this.field = details.field;
    this.value = details.value;
    this.allowed = details.allowed;
  }
}

/** True for any {@link SolidCellError}, whichever copy of `@solidcell/core` created it. */
export function isSolidCellError(error: unknown): error is SolidCellError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { solidCellError?: unknown }).solidCellError === true
  );
}

/** Longest rendering of a value in an error message; longer values end with "…". */
const MAX_VALUE_CHARS = 120;
/** Nesting shown in an error message; deeper objects and arrays appear as `{…}` / `[…]`. */
const MAX_VALUE_DEPTH = 3;

function cut(text: string): string {
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** JSON-like rendering that never recurses past {@link MAX_VALUE_DEPTH} nor grows without bound. */
function renderBounded(value: unknown, depth: number): string {
  if (typeof value === 'string') return JSON.stringify(cut(value));
  if (typeof value !== 'object' || value === null) return String(value);
  const isArray = Array.isArray(value);
  if (depth >= MAX_VALUE_DEPTH) return isArray ? '[…]' : '{…}';
  const parts: string[] = [];
  let length = 0;
  const entries = isArray ? value.entries() : Object.entries(value as object).values();
  for (const [key, item] of entries) {
    const part = isArray
      ? renderBounded(item, depth + 1)
      : `${JSON.stringify(cut(String(key)))}:${renderBounded(item, depth + 1)}`;
    parts.push(part);
    length += part.length + 1;
    if (length > MAX_VALUE_CHARS) {
      parts.push('…');
      break;
    }
  }
  return isArray ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
}

/**
 * Formats a value for an error message (numbers with full precision, strings quoted), bounded in
 * length and depth so a huge or deeply nested input gives a short message.
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(cut(value));
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  if (value === undefined) return 'nothing';
  return cut(renderBounded(value, 0));
}

/** Throws a {@link SolidCellError} naming field, value and allowed range. */
export function invalidInput(field: string, value: unknown, allowed: string): never {
  throw new SolidCellError(
    'E_INVALID_INPUT',
    `${field} = ${formatValue(value)} is not allowed: expected ${allowed}`,
    { field, value, allowed },
  );
}
