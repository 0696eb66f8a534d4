import { didYouMean } from '../../core/model/did-you-mean';
import { locateField } from '../../core/model/documents';
import { formatFieldPath } from '../../core/model/field-path';
import {
  EnvironmentSelection,
  MAIN_BRANCH,
  PROMOTED_BASE_REPO,
  buildEnvironmentModel,
  selectEnvironments,
} from '../../core/model/environments';
import { Problem, error, warning } from '../../core/model/problems';
import { ProgressReporter } from '../../core/model/progress';
import {
  BaseRepo,
  GitOpsRepo,
  ControlPlaneModel,
  ControlPlaneObject,
  Workload,
  WorkloadRegistration,
  objectRef,
} from '../../core/model/types';
import { validateDocuments } from '../../core/model/validate';
import { branchNameProblem, classifyRepository } from '../git/git-refs';
import { redactUrlCredentials } from '../git/secrets';
import { ControlPlaneSource, RevisionNotFoundError } from './control-plane-source';
import { DEFAULT_LOAD_LIMITS, LoadLimits } from '../../core/model/limits';
import { ignoreFileProblems, parseFiles, yamlFileFilter } from './read-documents';
import {
  RemoteRepositoryReader,
  WorkloadFiles,
  WorkloadSourceError,
  isRepositoryUrl,
  normalizeRepositoryUrl,
  readLocalWorkload,
} from './workload-sources';

/** What `loadControlPlane` reads. */
export interface LoadOptions {
  /** Only these environments; all when empty. */
  readonly environments?: readonly string[];
  /** Repository URL → local folder holding its content (`--source URL=PATH`). */
  readonly sources?: ReadonlyMap<string, string>;
  /** Reads registered workloads from remote repositories; without it, a URL must be redirected with `sources`. */
  readonly remote?: RemoteRepositoryReader;
  /**
   * Largest input accepted.
   * @default DEFAULT_LOAD_LIMITS - 16 MiB per file, 10,000 documents per file, 100,000 files per branch
   */
  readonly limits?: LoadLimits;
  /** Told `reading <branch>` and `fetching <repository>` as the loader goes. */
  readonly progress?: ProgressReporter;
}

/** A loaded control plane: the objects without errors, and every problem found. */
export interface LoadResult {
  /** Per environment, the objects of `main`, of its branch and of its registered workloads. */
  readonly model: ControlPlaneModel;
  /** Every problem, with file and line. */
  readonly problems: Problem[];
  /** The Workloads read through each WorkloadRegistration of the model (the same objects as in the environments). */
  readonly registeredWorkloads: ReadonlyMap<WorkloadRegistration, readonly Workload[]>;
}

/** Thrown when the request itself is wrong (e.g. an unknown `--env`), as opposed to problems in the input. */
export class LoadUsageError extends Error {}

/**
 * Reads a control plane (docs/reference/control-plane-sources.md): `main`, each environment's branch, and the workloads
 * its registrations point at. Objects with errors are left out of the model; every problem is returned.
 */
export async function loadControlPlane(source: ControlPlaneSource, options: LoadOptions = {}): Promise<LoadResult> {
  const limits = options.limits ?? DEFAULT_LOAD_LIMITS;
  const problems: Problem[] = [];
  const branches = await source.branches();
  const parseObjects = (
    files: Parameters<typeof parseFiles>[0],
    prefix: string,
    branch: string,
  ): ControlPlaneObject[] => {
    const parsed = parseFiles(files, prefix, branch, limits);
    const validated = validateDocuments(parsed.documents);
    problems.push(...parsed.problems, ...validated.problems);
    return validated.objects;
  };
  const readObjects = async (branch: string): Promise<ControlPlaneObject[]> => {
    options.progress?.phase(`reading ${branch}`);
    const filter = yamlFileFilter(limits.maxFileBytes);
    const files = await source.readBranch(branch, filter);
    problems.push(...ignoreFileProblems(filter, branch));
    return parseObjects(files, branch, branch);
  };
  const pinnedMain = new Map<string, Promise<ControlPlaneObject[] | undefined>>();
  /** `main` at the commit a BaseRepo pins it to (docs/explanation/promotion.md), read once per commit; undefined when missing. */
  const readPinnedMain = (baseRepo: BaseRepo): Promise<ControlPlaneObject[] | undefined> => {
    let objects = pinnedMain.get(baseRepo.commit);
    if (!objects) {
      options.progress?.phase(`reading ${MAIN_BRANCH}@${baseRepo.commit}`);
      const filter = yamlFileFilter(limits.maxFileBytes);
      const prefix = `${MAIN_BRANCH}@${baseRepo.commit}`;
      objects = source.readCommit!(baseRepo.commit, filter).then(
        (files) => {
          problems.push(...ignoreFileProblems(filter, prefix));
          return parseObjects(files, prefix, MAIN_BRANCH);
        },
        (e: unknown) => {
          if (!(e instanceof RevisionNotFoundError)) throw e;
          return undefined;
        },
      );
      pinnedMain.set(baseRepo.commit, objects);
    }
    return objects;
  };

  if (!branches.includes(MAIN_BRANCH)) {
    problems.push(error(`control plane has no "${MAIN_BRANCH}" branch`, { location: { file: source.description } }));
  }
  const mainObjects = branches.includes(MAIN_BRANCH) ? await readObjects(MAIN_BRANCH) : [];
  const declared = selectEnvironments(mainObjects, branches);
  const selections = chooseEnvironments(declared, options.environments);
  const workloads = new WorkloadCache(source, options, limits, problems);

  const environments = [];
  const registeredWorkloads = new Map<WorkloadRegistration, readonly Workload[]>();
  const branchObjects = new Map<string, ControlPlaneObject[]>();
  for (const selection of selections) {
    if (!branches.includes(selection.branch)) {
      const source = selection.environment?.source;
      const field = ['spec', 'controlPlane', 'branch'];
      problems.push(
        error(`branch "${selection.branch}" of environment "${selection.name}" does not exist`, {
          location: source ? locateField(source, field) : undefined,
          object: selection.environment ? objectRef(selection.environment) : undefined,
          field: source ? formatFieldPath(field) : undefined,
          hint: didYouMean(
            selection.branch,
            branches.filter((branch) => branch !== MAIN_BRANCH),
          ),
        }),
      );
      continue;
    }
    if (!branchObjects.has(selection.branch)) branchObjects.set(selection.branch, await readObjects(selection.branch));
    const ownObjects = branchObjects.get(selection.branch)!;
    let promoted = mainObjects;
    const pin = ownObjects.find(
      (object): object is BaseRepo =>
        object.kind === 'BaseRepo' && object.name === PROMOTED_BASE_REPO && !!object.commit,
    );
    if (pin && source.readCommit) {
      const pinned = await readPinnedMain(pin);
      if (pinned) {
        promoted = pinned;
      } else {
        problems.push(
          error(
            `commit ${JSON.stringify(pin.commit)} of the "${MAIN_BRANCH}" branch does not exist in ${source.description}`,
            {
              location: pin.source ? locateField(pin.source, ['spec', 'commit']) : undefined,
              object: objectRef(pin),
              field: 'spec.commit',
            },
          ),
        );
        continue;
      }
    }
    const objects = [...promoted, ...ownObjects];
    const registrations = objects.filter(
      (object): object is WorkloadRegistration => object.kind === 'WorkloadRegistration',
    );
    const registered = await Promise.all(registrations.map((registration) => workloads.load(registration)));
    registrations.forEach((registration, index) => registeredWorkloads.set(registration, registered[index]));
    environments.push(buildEnvironmentModel(selection, objects, registered.flat()));
  }
  for (const environment of environments) problems.push(...gitOpsRepoProblems(environment.gitOpsRepos));
  return {
    model: { environments, environmentNames: declared.map((selection) => selection.name) },
    problems,
    registeredWorkloads,
  };
}

/**
 * A GitOpsRepo whose branch git would refuse (or could take for an option, `-x`), or whose repo git could take for an
 * option or a command transport, named with its file and line: found when it is read rather than when it is used.
 */
function gitOpsRepoProblems(repositories: readonly GitOpsRepo[]): Problem[] {
  const problems: Problem[] = [];
  for (const repository of repositories) {
    const where = (field: 'repo' | 'branch') => ({
      location: repository.source ? locateField(repository.source, ['spec', field]) : undefined,
      object: objectRef(repository),
      field: `spec.${field}`,
    });
    const repoProblem = classifyRepository(repository.repo).problem;
    if (repoProblem)
      problems.push(
        error(`repository ${JSON.stringify(redactUrlCredentials(repository.repo))} ${repoProblem}`, where('repo')),
      );
    const branchProblem = branchNameProblem(repository.branch);
    if (branchProblem)
      problems.push(error(`branch ${JSON.stringify(repository.branch)} ${branchProblem}`, where('branch')));
  }
  return problems;
}

function chooseEnvironments(
  all: EnvironmentSelection[],
  wanted: readonly string[] | undefined,
): EnvironmentSelection[] {
  if (!wanted || wanted.length === 0) return all;
  const unknown = wanted.filter((name) => !all.some((selection) => selection.name === name));
  if (unknown.length > 0) {
    throw new LoadUsageError(
      `unknown environment ${unknown.map((name) => `"${name}"`).join(', ')}; the control plane has ${all.map((s) => `"${s.name}"`).join(', ') || 'none'}`,
    );
  }
  return all.filter((selection) => wanted.includes(selection.name));
}

/** Reads each registered workload once, however many environments and registrations point at it. */
class WorkloadCache {
  private readonly loaded = new Map<string, Promise<Workload[]>>();

  public constructor(
    private readonly source: ControlPlaneSource,
    private readonly options: LoadOptions,
    private readonly limits: LoadLimits,
    private readonly problems: Problem[],
  ) {}

  public load(registration: WorkloadRegistration): Promise<Workload[]> {
    const { repo, branch, path } = registration.workload;
    const key = `${registration.name}\u0000${repo}\u0000${branch}\u0000${path}\u0000${registration.workspace}`;
    let workloads = this.loaded.get(key);
    if (!workloads) {
      workloads = this.read(registration);
      this.loaded.set(key, workloads);
    }
    return workloads;
  }

  private async read(registration: WorkloadRegistration): Promise<Workload[]> {
    const where = {
      location: registration.source?.location,
      object: objectRef(registration),
      field: 'spec.workload.repo',
    };
    let files: WorkloadFiles;
    try {
      files = await this.files(registration);
    } catch (e) {
      if (!(e instanceof WorkloadSourceError)) throw e;
      this.problems.push(error(`cannot read the workload: ${e.message}`, where));
      return [];
    }
    const parsed = parseFiles(files.files, files.prefix, registration.workload.branch, this.limits);
    const validated = validateDocuments(parsed.documents);
    this.problems.push(...(files.problems ?? []), ...parsed.problems, ...validated.problems);
    const workloads = validated.objects.filter((object): object is Workload => object.kind === 'Workload');
    for (const other of validated.objects.filter((object) => object.kind !== 'Workload')) {
      this.problems.push(
        warning(`${objectRef(other)} is ignored: a registered workload repository contributes only Workload objects`, {
          location: other.source?.location,
          object: objectRef(other),
        }),
      );
    }
    if (workloads.length === 0 && !parsed.problems.length && !validated.problems.some((p) => p.severity === 'error')) {
      this.problems.push(error(`no Workload found at ${files.prefix}/${registration.workload.path}`, where));
    }
    return workloads.map((workload) => ({ ...workload, workspace: registration.workspace }));
  }

  private async files(registration: WorkloadRegistration): Promise<WorkloadFiles> {
    const { repo, branch, path } = registration.workload;
    const redirected = this.redirect(repo);
    if (redirected) return readLocalWorkload(redirected, path, redirected, this.limits.maxFileBytes);
    if (isRepositoryUrl(repo)) {
      if (!this.options.remote) {
        throw new WorkloadSourceError(
          `${repo} is a remote repository; pass --source ${repo}=<local folder> to read it from disk`,
        );
      }
      this.options.progress?.phase(`fetching ${redactUrlCredentials(repo)}`);
      return this.options.remote.read(repo, branch, path);
    }
    const local = this.source.resolveLocalPath(repo);
    if (!local)
      throw new WorkloadSourceError(
        `${JSON.stringify(repo)} is neither a repository URL nor a folder inside the control plane`,
      );
    return readLocalWorkload(local, path, repo, this.limits.maxFileBytes);
  }

  private redirect(repo: string): string | undefined {
    const wanted = normalizeRepositoryUrl(repo);
    for (const [url, folder] of this.options.sources ?? []) {
      if (normalizeRepositoryUrl(url) === wanted) return folder;
    }
    return undefined;
  }
}
