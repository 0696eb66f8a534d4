import { formatFieldChange, objectLabel } from '../diff/format-diff';
import { diffFile } from '../diff/tree-diff';
import { AssignmentRef, FileExample, OutputChange } from './report';
import { IndexedState, folderOf } from './review-context';

/** Lines of one file's differences kept in a report; the full report has them all. */
export const MAX_EXAMPLE_LINES = 12;

/**
 * How the changed files of one assignment differ, object by object and field by field (`Application/x
 * spec.syncPolicy.automated.prune: true → false`), or by line counts for files that are not YAML objects.
 */
export function fileDifferences(
  previous: IndexedState,
  next: IndexedState,
  assignment: AssignmentRef,
  file: string,
): string[] {
  const path = `${folderOf(assignment.clusterType, assignment.deploymentTarget)}/${file}`;
  const before = previous.files[path];
  const after = next.files[path];
  if (before === undefined || after === undefined) return [];
  const diff = diffFile(path, before, after);
  if (!diff.objects) return [`+${diff.lines?.added ?? 0} -${diff.lines?.removed ?? 0} lines`];
  return diff.objects.flatMap((object) =>
    object.change === 'changed'
      ? object.fields.map((field) => `${objectLabel(object)} ${formatFieldChange(field)}`)
      : [`${objectLabel(object)} ${object.change}`],
  );
}

/** The example of a group that changes files of kept assignments: its first assignment's differences. */
export function fileExample(
  previous: IndexedState,
  next: IndexedState,
  changes: readonly OutputChange[],
  assignments: readonly AssignmentRef[],
): FileExample | undefined {
  const files = changes.filter((change) => change.type === 'file' && change.change === 'changed');
  if (files.length === 0 || assignments.length === 0) return undefined;
  const [assignment] = assignments;
  return {
    assignment,
    files: files.map((change) => {
      const file = (change as { file: string }).file;
      const lines = fileDifferences(previous, next, assignment, file);
      return { file, lines: lines.slice(0, MAX_EXAMPLE_LINES), more: Math.max(0, lines.length - MAX_EXAMPLE_LINES) };
    }),
  };
}
