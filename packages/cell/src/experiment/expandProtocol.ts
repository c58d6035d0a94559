// Flattens a protocol (strings, typed steps, repeat groups, pulses) into executable steps.
import { invalidInput } from '@solidcell/core';
import type { ProtocolItem, ProtocolStep } from './ProtocolStep.js';
import { formatStep, parseStep } from './parseStep.js';
import { validateStep } from './validateStep.js';

/** An executable step: pulses are split into a current step and a rest. */
export type ExecutableStep = Exclude<ProtocolStep, { kind: 'pulse' }>;

/** A flattened step with its readable description. */
export interface ExpandedStep {
  readonly step: ExecutableStep;
  /** Readable description (the original string, or the formatted typed step). */
  readonly description: string;
}

/** Largest number of executable steps a protocol may expand to. */
export const MAX_EXPANDED_STEPS = 1_000_000;

/**
 * Expands strings, repeat groups and pulses into a flat list of executable steps.
 *
 * @throws SolidCellError `E_INVALID_INPUT` for parse errors, a step outside its physical bounds
 * ({@link validateStep}), an empty protocol, a bad repeat count or a protocol that expands to more than {@link MAX_EXPANDED_STEPS} steps.
 */
export function expandProtocol(items: readonly ProtocolItem[]): ExpandedStep[] {
  if (!Array.isArray(items) || items.length === 0) {
    invalidInput('protocol', items, 'a non-empty list of steps, step strings and repeat groups');
  }
  const out: ExpandedStep[] = [];
  const push = (entry: ExpandedStep) => {
    if (out.length >= MAX_EXPANDED_STEPS) {
      invalidInput('protocol', out.length, `at most ${MAX_EXPANDED_STEPS} expanded steps`);
    }
    out.push(entry);
  };
  const visit = (list: readonly ProtocolItem[], depth: number, path: string) => {
    if (depth > 16) invalidInput('protocol', depth, 'repeat groups nested at most 16 deep');
    for (const [index, item] of list.entries()) {
      const field = `${path}[${index}]`;
      if (typeof item === 'object' && item !== null && item.kind === 'repeat') {
        if (!Array.isArray(item.steps))
          invalidInput(`${field}.steps`, item.steps, 'a list of steps');
        if (!Number.isInteger(item.count) || item.count < 0 || item.count > MAX_EXPANDED_STEPS) {
          invalidInput(
            'protocol.repeat.count',
            item.count,
            `an integer 0 ≤ n ≤ ${MAX_EXPANDED_STEPS}`,
          );
        }
        for (let k = 0; k < item.count; k++) visit(item.steps, depth + 1, `${field}.steps`);
        continue;
      }
      const step = typeof item === 'string' ? parseStep(item) : item;
      validateStep(field, step);
      const description = typeof item === 'string' ? item : formatStep(item);
      if (step.kind === 'pulse') {
        push({
          step: {
            kind: 'current',
            direction: step.direction,
            current: step.current,
            until: [{ kind: 'time', duration_s: step.duration_s }],
          },
          description: `${description} (pulse)`,
        });
        push({
          step: { kind: 'rest', until: [{ kind: 'time', duration_s: step.rest_s }] },
          description: `${description} (rest)`,
        });
        continue;
      }
      push({ step, description });
    }
  };
  visit(items, 0, 'protocol');
  return out;
}
