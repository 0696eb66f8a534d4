import { SourcedDocument } from '../../core/model/documents';
import { SourceLocation } from '../../core/model/problems';
import { EnvironmentModel } from '../../core/model/types';

/*
 * The record of what a publish was built from: the environment's control-plane objects as the pipeline loaded them,
 * committed with the change beside `.github/tracking/Promoted_Commit_Id`, so that the next publish can compare object
 * by object (docs/explanation/reviewing-changes.md, "The previous state"). The objects themselves are recorded, not
 * the commits they came from: a folder of branches or a control plane built in code has no commit, a shallow CI clone
 * or a rewritten branch may no longer hold one, and reading them back needs no git, no network and no second load.
 */

/** Where the record goes on the GitOps branch, relative to the environment's root. */
export const INPUTS_RECORD_PATH = '.github/kalypso/control-plane.json';

/** The `format` of the record; a record of another format is ignored (treated as no record). */
export const INPUTS_RECORD_FORMAT = 'kalypso-cdk8s/control-plane/v1';

/** Longest record read (a bound on what a branch makes the tool parse): far above any control plane's objects. */
export const MAX_RECORD_LENGTH = 256 * 1024 * 1024;

/** The lists of objects every recorded environment has. */
const COLLECTIONS: readonly (keyof EnvironmentModel)[] = [
  'clusterTypes',
  'schedulingPolicies',
  'deploymentTargets',
  'workloads',
  'workloadRegistrations',
  'templates',
  'configSchemas',
  'configMaps',
  'baseRepos',
  'gitOpsRepos',
  'rolloutPolicies',
];

/** Where an object was written, as recorded: the document without its parsed value, field positions as a list. */
interface RecordedSource {
  readonly file: string;
  readonly branch: string;
  readonly index: number;
  readonly location: SourceLocation;
  /** `[field path key, line, column]` of every field whose position is known. */
  readonly fields: readonly (readonly [string, number | null, number | null])[];
}

/** The record's text: deterministic (same objects, same text), so that an unchanged control plane changes nothing. */
export function recordInputs(model: EnvironmentModel): string {
  const record = { format: INPUTS_RECORD_FORMAT, environment: model.name, model };
  return `${JSON.stringify(record, (key, value: unknown) => (key === 'source' && isSourcedDocument(value) ? recordSource(value) : value), 1)}\n`;
}

/**
 * The objects a record holds, or why it cannot be read: not JSON, another format, or another environment's. A record
 * that cannot be read is treated as none (the change is compared with the branch's tree alone, and the body says so).
 */
export function readInputsRecord(text: string, environment: string): EnvironmentModel | { readonly problem: string } {
  if (text.length > MAX_RECORD_LENGTH)
    return { problem: `${INPUTS_RECORD_PATH} is larger than ${MAX_RECORD_LENGTH.toLocaleString('en-US')} characters` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value: unknown) =>
      key === 'source' && isRecordedSource(value) ? restoreSource(value) : value,
    );
  } catch (e) {
    return { problem: `${INPUTS_RECORD_PATH} is not JSON (${(e as Error).message})` };
  }
  const record = parsed as { format?: unknown; environment?: unknown; model?: unknown };
  if (typeof record !== 'object' || record === null || record.format !== INPUTS_RECORD_FORMAT)
    return { problem: `${INPUTS_RECORD_PATH} is not a record of format ${INPUTS_RECORD_FORMAT}` };
  if (record.environment !== environment)
    return {
      problem: `${INPUTS_RECORD_PATH} records environment ${JSON.stringify(record.environment)}, not ${JSON.stringify(environment)}`,
    };
  const model = record.model as Record<string, unknown> | undefined;
  if (typeof model !== 'object' || model === null || !COLLECTIONS.every((key) => Array.isArray(model[key])))
    return { problem: `${INPUTS_RECORD_PATH} holds no environment` };
  return model as unknown as EnvironmentModel;
}

function isSourcedDocument(value: unknown): value is SourcedDocument {
  return typeof value === 'object' && value !== null && (value as SourcedDocument).fieldLocations instanceof Map;
}

function recordSource(source: SourcedDocument): RecordedSource {
  return {
    file: source.file,
    branch: source.branch,
    index: source.index,
    location: source.location,
    fields: [...source.fieldLocations].map(
      ([key, location]) => [key, location.line ?? null, location.column ?? null] as const,
    ),
  };
}

function isRecordedSource(value: unknown): value is RecordedSource {
  return typeof value === 'object' && value !== null && Array.isArray((value as RecordedSource).fields);
}

/** The document back, with its field positions; its parsed value is not recorded (nothing after loading reads it). */
function restoreSource(recorded: RecordedSource): SourcedDocument {
  const fieldLocations = new Map<string, SourceLocation>();
  for (const [key, line, column] of recorded.fields) {
    fieldLocations.set(key, {
      file: recorded.file,
      ...(line === null ? {} : { line }),
      ...(column === null ? {} : { column }),
    });
  }
  return {
    file: recorded.file,
    branch: recorded.branch,
    index: recorded.index,
    value: null,
    location: recorded.location,
    fieldLocations,
  };
}
