import { PROMOTED_BASE_REPO } from '../../core/model/environments';
import { KALYPSO_API_VERSION } from '../../core/model/types';

/** Where a promotion writes the BaseRepo `main` when the environment's branch has none. */
export const BASE_REPO_FILE = 'base-repo.yaml';

export interface BaseRepoFileProps {
  /** The control plane's repository (`spec.repo`). */
  readonly repo: string;
  /** The promoted commit of `main` (`spec.commit`). */
  readonly commit: string;
}

/**
 * The BaseRepo `main` document exactly as upstream's `cd` workflow writes it (`baserepo-template.yaml` with
 * `branch=main`): pins the environment to a commit of `main`.
 */
export function baseRepoDocument({ repo, commit }: BaseRepoFileProps): string {
  return [
    `apiVersion: ${KALYPSO_API_VERSION}`,
    'kind: BaseRepo',
    'metadata:',
    `  name: ${PROMOTED_BASE_REPO}`,
    'spec:',
    `  repo: ${yamlScalar(repo)}`,
    '  branch: main',
    '  path: .',
    `  commit: ${commit}`,
    '',
  ].join('\n');
}

/** A plain scalar when YAML reads it back as the same string, else a double-quoted one. */
function yamlScalar(text: string): string {
  const plain =
    /^[A-Za-z0-9/._~@+-][A-Za-z0-9/._~@+:=%-]*$/.test(text) &&
    !/^(true|false|null|yes|no|on|off|~|[-+.0-9][0-9.eE+-]*)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}
