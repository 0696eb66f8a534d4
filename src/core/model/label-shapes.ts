import { FieldPath } from './field-path';
import { labelKeyProblem, labelValueProblem } from './kubernetes-names';
import { describeValue } from './problems';
import { Shape, ShapeContext, mapOf, refine, report, string } from './shape';

/*
 * The shape of Kubernetes labels, with the syntax checks of label keys and values.
 */

const labelValue: Shape<string> = refine(string, (text, path, context) => {
  const problem = labelValueProblem(text);
  if (!problem) return text;
  report(context, path, `label value ${problem}`, { got: describeValue(text) });
  return undefined;
});

export function isLabelKey(key: string, path: FieldPath, context: ShapeContext): boolean {
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
