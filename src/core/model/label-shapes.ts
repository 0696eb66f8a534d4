import { FieldPath } from './field-path';
import { labelKeyProblem, labelValueProblem } from './kubernetes-names';
import { describeValue } from './problems';
import { Shape, ShapeContext, list, mapOf, object, oneOf, optional, refine, report, required, string } from './shape';

/*
 * The shapes of Kubernetes labels and label selectors, with the syntax checks of label keys and values.
 */

/** The operators of a label selector requirement (Kubernetes `metav1.LabelSelectorOperator`). */
export enum SelectorOperator {
  IN = 'In',
  NOT_IN = 'NotIn',
  EXISTS = 'Exists',
  DOES_NOT_EXIST = 'DoesNotExist',
}

const labelValue: Shape<string> = refine(string, (text, path, context) => {
  const problem = labelValueProblem(text);
  if (!problem) return text;
  report(context, path, `label value ${problem}`, { got: describeValue(text) });
  return undefined;
});

function isLabelKey(key: string, path: FieldPath, context: ShapeContext): boolean {
  const problem = labelKeyProblem(key);
  if (problem) report(context, path, `label key ${problem}`, { got: describeValue(key) });
  return !problem;
}

/** Kubernetes labels: a mapping of label keys to label values. */
export const labels = refine(mapOf(labelValue), (checked, path, context) => {
  const valid = Object.keys(checked)
    .map((key) => isLabelKey(key, [...path, key], context))
    .every(Boolean);
  return valid ? checked : undefined;
});

export const stringList = list(string);

/** One requirement of a label selector: `key` `operator` `values`. */
export const requirement = refine(
  object({
    /** The label key the requirement applies to. */
    key: required(string),
    /** How the label's value is compared with `values`. */
    operator: required(oneOf(Object.values(SelectorOperator))),
    /**
     * The values to compare with: non-empty for `In` and `NotIn`, empty for `Exists` and `DoesNotExist`.
     * @default - none
     */
    values: optional(stringList),
  }),
  (checked, path, context) => {
    const { key, operator, values } = checked;
    let valid = isLabelKey(key, [...path, 'key'], context);
    const needsValues = operator === SelectorOperator.IN || operator === SelectorOperator.NOT_IN;
    if (needsValues && !values) {
      report(context, [...path, 'values'], `must be a non-empty list for operator ${operator}`);
      valid = false;
    }
    if (!needsValues && values) {
      report(context, [...path, 'values'], `must be empty for operator ${operator}`, { got: describeValue(values) });
      valid = false;
    }
    values?.forEach((element, index) => {
      const problem = labelValueProblem(element);
      if (problem) {
        report(context, [...path, 'values', index], `label value ${problem}`, { got: describeValue(element) });
        valid = false;
      }
    });
    return valid ? checked : undefined;
  },
);

/** A Kubernetes label selector: `matchLabels` and `matchExpressions` are ANDed; `{}` selects everything. */
export const labelSelector = object({
  /**
   * Labels that must be present with exactly these values.
   * @default - none
   */
  matchLabels: optional(labels, { keepEmpty: true }),
  /**
   * Requirements that must all hold.
   * @default - none
   */
  matchExpressions: optional(list(requirement), { keepEmpty: true }),
});
