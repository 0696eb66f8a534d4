import { SourcedDocument } from '../../core/model/documents';
import { Problem } from '../../core/model/problems';
import { ControlPlaneObject } from '../../core/model/types';
import { validateDocuments } from '../../core/model/validate';
import { BranchFile, ControlPlaneSource } from './control-plane-source';
import { DEFAULT_LOAD_LIMITS, LoadLimits } from '../../core/model/limits';
import { ignoreFileProblems, parseFiles, yamlFileFilter } from './read-documents';

/** The objects of one branch (or commit) of a control plane, read on their own. */
export interface BranchObjects {
  readonly objects: ControlPlaneObject[];
  /** Every YAML document read, objects or not (to count what shares a file). */
  readonly documents: SourcedDocument[];
  /** Paths of the YAML files, relative to the branch. */
  readonly files: string[];
  readonly problems: Problem[];
}

/**
 * Reads the objects of one branch, or of one commit (`{ commit }`, git sources only), without the rest of the
 * control plane: what promotion needs (Environments on `main`, the BaseRepo and GitOpsRepo of an environment's branch).
 * Files are named `<branch>/<path>` in messages, as `loadControlPlane` names them.
 */
export async function readBranchObjects(
  source: ControlPlaneSource,
  revision: { readonly branch: string } | { readonly commit: string; readonly branch: string },
  limits: LoadLimits = DEFAULT_LOAD_LIMITS,
): Promise<BranchObjects> {
  const filter = yamlFileFilter(limits.maxFileBytes);
  let files: BranchFile[];
  let prefix = revision.branch;
  if ('commit' in revision) {
    if (!source.readCommit) throw new Error(`${source.description} keeps no history; a commit cannot be read from it`);
    files = await source.readCommit(revision.commit, filter);
    prefix = `${revision.branch}@${revision.commit}`;
  } else {
    files = await source.readBranch(revision.branch, filter);
  }
  const parsed = parseFiles(files, prefix, revision.branch, limits);
  const validated = validateDocuments(parsed.documents);
  return {
    objects: validated.objects,
    documents: parsed.documents,
    files: files.map((file) => file.path),
    problems: [...ignoreFileProblems(filter, prefix), ...parsed.problems, ...validated.problems],
  };
}
