import { formatLocation } from '../../core/model/problems';
import { code as markdownCode } from '../explain/render-markdown';
import { ChangeReport, ClusterTypeSelection, InputChange, OutputChange, Scope, TargetSelection } from './report';

/** How names and values are set apart from the prose: Markdown code spans, or plain text. */
export interface Style {
  readonly code: (text: string) => string;
}

export const MARKDOWN: Style = { code: markdownCode };

/** Plain text: names as they are, quoted only when they hold spaces or quotes (or are empty). */
export const PLAIN: Style = { code: (text) => (/^[^\s"]+$/.test(text) ? text : JSON.stringify(text)) };

/** Values longer than this are reported by their length. */
export const MAX_VALUE_LENGTH = 80;

/** One config key that was added (`to` only), removed (`from` only) or changed. */
export interface KeyChange {
  readonly key: string;
  readonly from?: string;
  readonly to?: string;
}

/** `` `KEY`: `a` → `b` ``, `` `KEY` added: `v` ``, `` `KEY` removed (was `v`) ``, or `` `KEY` changed `` for long values. */
export function describeKeyChange(change: KeyChange, style: Style = MARKDOWN, maxLength = MAX_VALUE_LENGTH): string {
  const { code } = style;
  const value = (text: string) => describeValue(text, style, maxLength);
  if (change.from === undefined) return `${code(change.key)} added: ${value(change.to!)}`;
  if (change.to === undefined) return `${code(change.key)} removed (was ${value(change.from)})`;
  if (!isShort(change.from, maxLength) || !isShort(change.to, maxLength)) return `${code(change.key)} changed`;
  return `${code(change.key)}: ${value(change.from)} → ${value(change.to)}`;
}

export function isShort(text: string, maxLength = MAX_VALUE_LENGTH): boolean {
  return text.length <= maxLength && !/[\r\n]/.test(text);
}

/** A value as code, `""` when empty, or its length when long or on several lines. */
export function describeValue(text: string, style: Style = MARKDOWN, maxLength = MAX_VALUE_LENGTH): string {
  if (text === '') return style === MARKDOWN ? '`""`' : '""';
  return isShort(text, maxLength) ? style.code(text) : `(${text.length} characters)`;
}

/** One output change: `` `ENVIRONMENT`: `dev` → `development` ``, `added (placed by `edge`)`, `` `reconciler.yaml` changed ``. */
export function describeChange(change: OutputChange, style: Style = MARKDOWN, maxLength = MAX_VALUE_LENGTH): string {
  const { code } = style;
  switch (change.type) {
    case 'config':
      return describeKeyChange(change, style, maxLength);
    case 'file':
      return `${code(change.file)} ${change.change}`;
    case 'assignment': {
      const policies = `${change.policies.length === 1 ? 'policy' : 'policies'} ${change.policies.map(code).join(', ')}`;
      // Compared with a tree, what placed a removed assignment is not known.
      if (change.policies.length === 0) return `assignment ${change.change}`;
      if (change.change === 'added')
        return `assignment added (placed by ${policies}${change.note === 'failed-before' ? '; it failed to render before' : ''})`;
      return `assignment removed (was placed by ${policies}${change.note === 'fails-now' ? '; it fails to render now' : ''})`;
    }
  }
}

/** What a group no input change explains is said to be: unexplained, or of unknown cause when compared with a tree. */
export function unexplainedText(report: Pick<ChangeReport, 'baseline'>): string {
  return report.baseline === 'tree'
    ? 'cause unknown (the previous control plane is not recorded)'
    : 'no control-plane change explains it';
}

/** The sentence saying that a report compares with the branch's tree alone, and why. */
export const TREE_BASELINE_NOTICE =
  'The branch has no record of the control plane it was published from that can be read (its first publish by ' +
  "kalypso-cdk8s, or one by upstream Kalypso): this compares the plan with the branch's tree alone, so changes are " +
  'listed without causes.';

/** `ConfigMap dev-config`, with the code style on the name. */
export function describeRef(ref: string, style: Style = MARKDOWN): string {
  const slash = ref.indexOf('/');
  return `${ref.slice(0, slash)} ${style.code(ref.slice(slash + 1))}`;
}

/** `ConfigMap `dev-config` (`dev/config.yaml:3:1`)`: an input change as a cause, with where it is written. */
export function describeCause(input: InputChange | undefined, ref: string, style: Style = MARKDOWN): string {
  const where = input?.location ? ` (${style.code(formatLocation(input.location))})` : '';
  return `${describeRef(ref, style)}${where}`;
}

/** `ConfigMap `dev-config` changed: `data.ENVIRONMENT` — `dev/config.yaml:3:1``. */
export function describeInput(input: InputChange, style: Style = MARKDOWN, maxFields = 8): string {
  const { code } = style;
  const fields =
    input.fields.length === 0
      ? ''
      : `: ${input.fields.slice(0, maxFields).map(code).join(', ')}${
          input.fields.length > maxFields ? ` and ${input.fields.length - maxFields} more` : ''
        }`;
  const where = input.location ? ` (${code(formatLocation(input.location))})` : '';
  return `${describeRef(input.ref, style)} ${input.change}${fields}${where}`;
}

/** `1 assignment`, `1,200 assignments`. */
export const countOf = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

/** `region=east`, `region=east` and `size=large`. */
function labelsText(labels: Readonly<Record<string, string>>, style: Style): string {
  return Object.keys(labels)
    .sort()
    .map((key) => style.code(`${key}=${labels[key]}`))
    .join(' and ');
}

const RENDERER_FIELD_WORDS = {
  reconciler: 'reconciler',
  namespaceService: 'namespace renderer',
  configType: 'config renderer',
};

function clusterTypesText(selection: ClusterTypeSelection, style: Style): string {
  switch (selection.by) {
    case 'all':
      return '';
    case 'labels':
      return `cluster types with ${labelsText(selection.labels, style)}`;
    case 'renderer':
      return `cluster types with ${RENDERER_FIELD_WORDS[selection.field]} ${style.code(selection.renderer)}`;
    case 'names':
      return selection.names.length === 1
        ? `cluster type ${style.code(selection.names[0])}`
        : `cluster types ${selection.names.map(style.code).join(', ')}`;
  }
}

function targetsText(selection: TargetSelection, style: Style): string {
  switch (selection.by) {
    case 'all':
      return '';
    case 'workload':
      return `deployment targets of workload ${style.code(selection.workload)}`;
    case 'labels':
      return `deployment targets with ${labelsText(selection.labels, style)}`;
    case 'names':
      return selection.names.length === 1
        ? `deployment target ${style.code(selection.names[0])}`
        : `deployment targets ${selection.names.map(style.code).join(', ')}`;
  }
}

/**
 * `all 800 assignments`, `cluster types with region=east (10 cluster types, 200 assignments)`, `deployment targets of
 * workload wl-0003 on cluster types with tier=edge (4 deployment targets, 3 cluster types, 12 assignments)`, `12
 * assignments`.
 */
export function describeScope(scope: Scope, style: Style = MARKDOWN): string {
  if (scope.type === 'all')
    return scope.of === 'environment'
      ? `all ${countOf(scope.assignments, 'assignment')}`
      : `all ${countOf(scope.assignments, 'assignment')} kept from before`;
  if (scope.type === 'list') return countOf(scope.assignments, 'assignment');
  const onTypes = clusterTypesText(scope.clusterTypes, style);
  const ofTargets = targetsText(scope.deploymentTargets, style);
  const counts: string[] = [];
  // Names listed are counted by the reader; a selection by labels, renderer or workload is counted here.
  if (scope.deploymentTargets.by !== 'all' && scope.deploymentTargets.by !== 'names')
    counts.push(countOf(scope.deploymentTargetNames.length, 'deployment target'));
  if (scope.clusterTypes.by !== 'all' && scope.clusterTypes.by !== 'names')
    counts.push(countOf(scope.clusterTypeNames.length, 'cluster type'));
  counts.push(countOf(scope.assignments, 'assignment'));
  const what = [ofTargets, onTypes].filter((part) => part !== '').join(' on ');
  return `${what} (${counts.join(', ')})`;
}
