import { markdownTable } from '../explain/render-markdown';
import { formatTable } from '../explain/text-table';
import { MARKDOWN, Style } from './describe';
import { ChangeReport } from './report';

/** The cells of the assignment matrix (deployment targets × cluster types) that change, with the groups in each. */
export interface ChangedMatrix {
  /** Columns: the cluster types with a changed cell, sorted. */
  readonly clusterTypes: readonly string[];
  /** Rows: the deployment targets with a changed cell, sorted. */
  readonly deploymentTargets: readonly string[];
  /** `clusterType/deploymentTarget` → ids of the groups that change it (`+` added, `−` removed in front). */
  readonly cells: ReadonlyMap<string, readonly string[]>;
}

/** Largest matrix drawn as a table: beyond it a table is no picture (the groups say the same more briefly). */
export const MAX_MATRIX_COLUMNS = 16;
export const MAX_MATRIX_CELLS = 400;

/** The changed cells of the explain matrix; undefined when there are more than the limits allow. */
export function changedMatrix(
  report: ChangeReport,
  limits: { columns?: number; cells?: number } = {},
): ChangedMatrix | undefined {
  const clusterTypes = new Set<string>();
  const targets = new Set<string>();
  for (const group of report.groups)
    for (const { clusterType, deploymentTarget } of group.assignments) {
      clusterTypes.add(clusterType);
      targets.add(deploymentTarget);
    }
  if (clusterTypes.size === 0) return undefined;
  if (clusterTypes.size > (limits.columns ?? MAX_MATRIX_COLUMNS)) return undefined;
  if (clusterTypes.size * targets.size > (limits.cells ?? MAX_MATRIX_CELLS)) return undefined;
  const cells = new Map<string, string[]>();
  for (const group of report.groups) {
    const [first] = group.changes;
    const mark = first.type === 'assignment' ? (first.change === 'added' ? '+' : '−') : '';
    for (const { clusterType, deploymentTarget } of group.assignments) {
      const folder = `${clusterType}/${deploymentTarget}`;
      cells.set(folder, [...(cells.get(folder) ?? []), `${mark}${group.id}`]);
    }
  }
  return { clusterTypes: [...clusterTypes].sort(), deploymentTargets: [...targets].sort(), cells };
}

function rows(matrix: ChangedMatrix, style: Style): string[][] {
  return matrix.deploymentTargets.map((target) => [
    style.code(target),
    ...matrix.clusterTypes.map((clusterType) => (matrix.cells.get(`${clusterType}/${target}`) ?? []).join(' ')),
  ]);
}

/** The matrix as a Markdown table, as `kalypso explain` draws the whole one. */
export function changedMatrixMarkdown(matrix: ChangedMatrix): string[] {
  return markdownTable(['deployment target', ...matrix.clusterTypes.map(MARKDOWN.code)], rows(matrix, MARKDOWN));
}

/** The matrix as a terminal table. */
export function changedMatrixText(matrix: ChangedMatrix, style: Style): string[] {
  return formatTable([['deployment target', ...matrix.clusterTypes], ...rows(matrix, style)], '  ');
}
