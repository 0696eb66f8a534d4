import { FieldPath } from '../model/field-path';
import { LabelSelector, LabelSelectorRequirement, SelectorOperator } from '../model/types';

export type Labels = Readonly<Record<string, string>>;

/** Why a selector did not match: the first failing requirement and what the labels held. */
export interface SelectorMismatch {
  /** The requirement, e.g. `edge: "true"` or `edge In (true, yes)`. */
  readonly requirement: string;
  /** e.g. `label missing` or `label is "false"`. */
  readonly reason: string;
  /** The label key the requirement tests. */
  readonly key: string;
  /**
   * Where the requirement is written, relative to the selector: `['matchLabels', 'edge']`, `['matchExpressions', 0]`.
   */
  readonly field: FieldPath;
}

/**
 * Kubernetes label-selector semantics (apimachinery): matchLabels and matchExpressions are ANDed, `{}` matches
 * everything; a missing selector matches nothing.
 */
export function matchesSelector(labels: Labels, selector: LabelSelector | undefined): boolean {
  if (!selector) return false;
  // Scheduling tests every policy against every cluster type and target: no descriptions built here.
  for (const [key, expected] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== expected) return false;
  }
  return (selector.matchExpressions ?? []).every((requirement) => matchesRequirement(labels, requirement));
}

/** The first requirement of the selector the labels do not meet, or undefined when they match. */
export function findSelectorMismatch(labels: Labels, selector: LabelSelector): SelectorMismatch | undefined {
  return unmetRequirements(labels, selector)[0];
}

/** Every requirement of the selector the labels do not meet: matchLabels by key, then matchExpressions in order. */
export function unmetRequirements(labels: Labels, selector: LabelSelector): SelectorMismatch[] {
  const unmet: SelectorMismatch[] = [];
  for (const key of Object.keys(selector.matchLabels ?? {}).sort()) {
    const expected = selector.matchLabels![key];
    if (labels[key] !== expected) {
      unmet.push({
        requirement: `${key}: ${JSON.stringify(expected)}`,
        reason: describeLabel(labels, key),
        key,
        field: ['matchLabels', key],
      });
    }
  }
  (selector.matchExpressions ?? []).forEach((requirement, index) => {
    if (!matchesRequirement(labels, requirement)) {
      unmet.push({
        requirement: describeRequirement(requirement),
        reason: describeLabel(labels, requirement.key),
        key: requirement.key,
        field: ['matchExpressions', index],
      });
    }
  });
  return unmet;
}

/** `edge: "true" required, label missing` */
export function formatMismatch(mismatch: { readonly requirement: string; readonly reason: string }): string {
  return `${mismatch.requirement} required, ${mismatch.reason}`;
}

function matchesRequirement(labels: Labels, { key, operator, values = [] }: LabelSelectorRequirement): boolean {
  const present = Object.prototype.hasOwnProperty.call(labels, key);
  switch (operator) {
    case SelectorOperator.IN:
      return present && values.includes(labels[key]);
    case SelectorOperator.NOT_IN:
      return !present || !values.includes(labels[key]);
    case SelectorOperator.EXISTS:
      return present;
    case SelectorOperator.DOES_NOT_EXIST:
      return !present;
  }
}

function describeRequirement({ key, operator, values = [] }: LabelSelectorRequirement): string {
  if (operator === SelectorOperator.EXISTS) return `${key} exists`;
  if (operator === SelectorOperator.DOES_NOT_EXIST) return `${key} does not exist`;
  return `${key} ${operator} (${values.join(', ')})`;
}

/** `label is "false"` or `label missing`. */
export function describeLabel(labels: Labels, key: string): string {
  return Object.prototype.hasOwnProperty.call(labels, key)
    ? `label is ${JSON.stringify(labels[key])}`
    : 'label missing';
}
