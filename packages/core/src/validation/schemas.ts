// Schema building blocks whose messages state the allowed range, and a parser that turns the
// first problem into a SolidCellError naming field, value and range.
import { z } from 'zod';
import { formatValue, SolidCellError } from '../errors/SolidCellError.js';

/** Bounds of a numeric input. */
export interface NumberBounds {
  readonly min: number;
  readonly max: number;
  /** Unit shown in messages, e.g. `wt%`, `K`, `m`. */
  readonly unit: string;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  readonly integer?: boolean;
}

/** Human-readable description of {@link NumberBounds}, e.g. `a finite number 0 ≤ x ≤ 100 wt%`. */
export function describeBounds(bounds: NumberBounds): string {
  const kind = bounds.integer ? 'an integer' : 'a finite number';
  const lower = bounds.minExclusive ? '<' : '≤';
  const upper = bounds.maxExclusive ? '<' : '≤';
  return `${kind} ${bounds.min} ${lower} x ${upper} ${bounds.max}${bounds.unit ? ` ${bounds.unit}` : ''}`;
}

/** A number schema whose every failure message is the allowed range. */
export function boundedNumber(bounds: NumberBounds) {
  const allowed = describeBounds(bounds);
  let schema = z.number({ error: allowed });
  if (bounds.integer) schema = schema.int({ error: allowed });
  schema = bounds.minExclusive
    ? schema.gt(bounds.min, { error: allowed })
    : schema.gte(bounds.min, { error: allowed });
  schema = bounds.maxExclusive
    ? schema.lt(bounds.max, { error: allowed })
    : schema.lte(bounds.max, { error: allowed });
  return schema;
}

/** One of a fixed set of strings, with the set in the message. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `one of ${values.map((v) => `"${v}"`).join(', ')}` });
}

function pathOf(root: string, path: readonly PropertyKey[]): string {
  return [root, ...path.map(String)].filter((part) => part !== '').join('.');
}

/**
 * Parses input against a schema; on failure throws {@link SolidCellError} `E_INVALID_INPUT`
 * for the first problem, naming the dotted field, the rejected value and the allowed range.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, root = ''): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const field = pathOf(root, issue.path);
    throw new SolidCellError(
      'E_INVALID_INPUT',
      `${field || 'input'}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
      {
        field: pathOf(field, [issue.keys[0] ?? '']),
        value: issue.keys,
        allowed: 'known fields only',
      },
    );
  }
  const field = pathOf(root, issue.path) || 'input';
  const value = 'input' in issue ? issue.input : undefined;
  const allowed = issue.message;
  throw new SolidCellError(
    'E_INVALID_INPUT',
    `${field} = ${formatValue(value)} is not allowed: expected ${allowed}`,
    {
      field,
      value,
      allowed,
    },
  );
}
