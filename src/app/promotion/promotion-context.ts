import { isCommitId, RepositoryKind, classifyRepository } from '../../io/git/git-refs';
import { GitRepository } from '../../io/git/git-repository';
import { readBranchObjects } from '../../io/source/branch-objects';
import { ControlPlaneSource, RevisionNotFoundError } from '../../io/source/control-plane-source';
import {
  EnvironmentSelection,
  MAIN_BRANCH,
  PROMOTED_BASE_REPO,
  selectEnvironments,
} from '../../core/model/environments';
import { Problem, error } from '../../core/model/problems';
import { BaseRepo, GitOpsRepo } from '../../core/model/types';
import { UsageError } from '../errors';
import { HOST_NAMES } from '../../io/hosts/host-names';
import { repositoryName } from '../../io/hosts/host-selection';
import { isRepositoryRoot, openControlPlane } from '../setup/control-plane';
import { GitServices } from '../setup/git-services';
import { HostAccess } from '../setup/host-access';
import { ExistingBaseRepo, planBaseRepoChange } from './base-repo-change';
import { BranchWriter } from './branch-writer';
import { GitBranchWriter } from './git-branch-writer';
import { HostBranchWriter } from './host-branch-writer';
import { PromoteProps } from './promote';
import { HostStatusBoard, StatusBoard } from './status-board';

export type { EnvironmentSelection } from '../../core/model/environments';

/** How a promotion writes. */
export interface PromotionSettings {
  /** The control plane: a git repository (a local path, resolved, or a URL). */
  readonly controlPlane: string;
  /**
   * Write the environment's branch with git push to `controlPlane` (for the top of a clone, its origin) instead of
   * through its Git host's API.
   * @default false
   */
  readonly push?: boolean;
  /**
   * Set no commit statuses.
   * @default false
   */
  readonly noStatus?: boolean;
}

/** The branch state a promotion starts from: the BaseRepo `main` objects and files of the branch, and their problems. */
export type BranchState = Pick<PromoteProps, 'existing' | 'files'> & { problems: Problem[] };

/** A control plane opened for promotion, with the Git hosts' adapters made on first use. */
export class PromotionContext {
  private readonly boards = new Map<string, StatusBoard | undefined>();

  public constructor(
    public readonly source: ControlPlaneSource,
    public readonly settings: PromotionSettings,
    public readonly git: GitServices,
    /** Which host serves each repository, and its adapter. */
    public readonly hosts: HostAccess,
    /** Told what is skipped (statuses on a host that cannot be told) and what is waited for. */
    public readonly notify: (text: string) => void = () => undefined,
  ) {}

  /** Opens the control plane of `settings`. */
  public static async open(
    settings: PromotionSettings,
    git: GitServices,
    hosts: HostAccess,
    notify?: (text: string) => void,
  ): Promise<PromotionContext> {
    const { controlPlane } = await openControlPlane(settings.controlPlane, git);
    return new PromotionContext(controlPlane, settings, git, hosts, notify);
  }

  /**
   * The environments, as declared on `main` at `commit` (or at the tip of `main`), in declared order. A commit the
   * control plane does not have is a usage error.
   */
  public async environments(commit?: string): Promise<EnvironmentSelection[]> {
    if (commit !== undefined && !this.source.readCommit) {
      throw new UsageError(
        `${this.source.description} is a folder of branches; promotion pins commits, so the control plane must be a git repository`,
      );
    }
    const branches = await this.source.branches();
    if (!branches.includes(MAIN_BRANCH))
      throw new UsageError(`${this.source.description} has no "${MAIN_BRANCH}" branch`);
    try {
      const main = await readBranchObjects(
        this.source,
        commit ? { branch: MAIN_BRANCH, commit } : { branch: MAIN_BRANCH },
      );
      return selectEnvironments(main.objects, branches);
    } catch (e) {
      if (e instanceof RevisionNotFoundError)
        throw new UsageError(`commit ${commit} does not exist in ${this.source.description}`);
      throw e;
    }
  }

  /** The selection named `name`; an unknown one is a usage error listing the known ones. */
  public environment(selections: readonly EnvironmentSelection[], name: string, flag = '--env'): EnvironmentSelection {
    const found = selections.find((selection) => selection.name === name);
    if (!found) {
      throw new UsageError(
        `${flag} ${JSON.stringify(name)} is not an environment of the control plane; it has ${selections.map((s) => `"${s.name}"`).join(', ') || 'none'}`,
      );
    }
    return found;
  }

  /**
   * The control plane's repository for an environment (the BaseRepo's `spec.repo`, and where statuses go): the
   * Environment's `spec.controlPlane.repo`, else `--control-plane` itself.
   */
  public repositoryOf(selection: EnvironmentSelection): string {
    return selection.environment?.controlPlane.repo || this.settings.controlPlane;
  }

  /**
   * Whether an environment rolls out in waves: a RolloutPolicy on its branch, or on `main` (at `commit`, or its tip),
   * which every environment shares.
   */
  public async rollsOutInWaves(selection: EnvironmentSelection, commit?: string): Promise<boolean> {
    const hasPolicy = (objects: readonly { readonly kind: string }[]) =>
      objects.some((object) => object.kind === 'RolloutPolicy');
    const branches = await this.source.branches();
    if (branches.includes(selection.branch)) {
      if (hasPolicy((await readBranchObjects(this.source, { branch: selection.branch })).objects)) return true;
    }
    const main = await readBranchObjects(
      this.source,
      commit ? { branch: MAIN_BRANCH, commit } : { branch: MAIN_BRANCH },
    );
    return hasPolicy(main.objects);
  }

  /** The BaseRepo `main` objects of an environment's branch and its files; problems in those files. */
  public async branchState(selection: EnvironmentSelection): Promise<BranchState> {
    const branches = await this.source.branches();
    if (!branches.includes(selection.branch)) {
      throw new UsageError(
        `branch "${selection.branch}" of environment "${selection.name}" does not exist in ${this.source.description}`,
      );
    }
    const read = await readBranchObjects(this.source, { branch: selection.branch });
    const prefix = `${selection.branch}/`;
    const relative = (file: string) => (file.startsWith(prefix) ? file.slice(prefix.length) : file);
    const pins = read.objects.filter(
      (object): object is BaseRepo => object.kind === 'BaseRepo' && object.name === PROMOTED_BASE_REPO,
    );
    const existing: ExistingBaseRepo[] = pins.map((pin) => ({
      file: relative(pin.source?.file ?? ''),
      commit: pin.commit,
      documentsInFile: read.documents.filter((document) => document.file === pin.source?.file).length,
    }));
    const touched = new Set(existing.map((pin) => pin.file));
    const problems = read.problems.filter(
      (problem) => problem.severity === 'error' && touched.has(relative(problem.location?.file ?? '')),
    );
    return { existing, files: new Set(read.files), problems };
  }

  /** The GitOpsRepo of an environment: on its branch, else on `main`. */
  public async gitOpsRepo(selection: EnvironmentSelection, mainCommit?: string): Promise<GitOpsRepo | undefined> {
    const own = (await readBranchObjects(this.source, { branch: selection.branch })).objects;
    const main = (
      await readBranchObjects(
        this.source,
        mainCommit ? { branch: MAIN_BRANCH, commit: mainCommit } : { branch: MAIN_BRANCH },
      )
    ).objects;
    return [...own, ...main].find((object): object is GitOpsRepo => object.kind === 'GitOpsRepo');
  }

  /**
   * How an environment's branch is written: through the API of the control plane repository's Git host, or with
   * `--push` by git onto the repository `--control-plane` names (for the top of a clone, its `origin`).
   */
  public async writer(selection: EnvironmentSelection): Promise<BranchWriter> {
    if (this.settings.push)
      return new GitBranchWriter(this.git.cache, { url: await this.pushUrl(), branch: selection.branch });
    const repository = this.repositoryOf(selection);
    const located = this.hosts.locate(repository);
    if ('problem' in located) {
      throw new UsageError(
        `${repository} (the control plane of environment "${selection.name}"): ${located.problem}, or promote with --push`,
      );
    }
    const host = await this.hosts.open(
      located.repository,
      `writing through the ${HOST_NAMES[located.repository.kind]} API needs a token (or use --push)`,
    );
    return new HostBranchWriter(host, { repository: repositoryName(located.repository), branch: selection.branch });
  }

  /**
   * Where the statuses of an environment's promoted commits go: the control plane's repository on its Git host; none,
   * with a notice, when its host cannot be told or with `--no-status`.
   */
  public async statusBoard(selection: EnvironmentSelection): Promise<StatusBoard | undefined> {
    if (this.settings.noStatus) return undefined;
    const repository = this.repositoryOf(selection);
    if (this.boards.has(repository)) return this.boards.get(repository);
    const located = this.hosts.locate(repository);
    let board: StatusBoard | undefined;
    if ('problem' in located) {
      this.notify(`commit statuses skipped: ${repository}: ${located.problem}`);
    } else {
      const host = await this.hosts.open(located.repository, 'commit statuses need a token (or use --no-status)');
      board = new HostStatusBoard(host, repositoryName(located.repository));
    }
    this.boards.set(repository, board);
    return board;
  }

  private async pushUrl(): Promise<string> {
    const location = this.settings.controlPlane;
    if (classifyRepository(location).kind === RepositoryKind.URL || !isRepositoryRoot(location)) return location;
    const repository = await GitRepository.open(location, this.git.git);
    if (repository.gitDir === location) return location;
    const origin = (
      await this.git.git.run(['config', '--get', 'remote.origin.url'], { gitDir: repository.gitDir, okExitCodes: [1] })
    ).stdout
      .toString('utf8')
      .trim();
    if (!origin)
      throw new UsageError(
        `${location} is a clone without an "origin" remote; give the repository's URL with --control-plane to push to it`,
      );
    const kind = classifyRepository(origin);
    if (kind.problem) throw new UsageError(`the origin of ${location} ${kind.problem}`);
    return origin;
  }
}

/** A full commit id, lower-cased; a usage error naming `flag` when it is missing or not one. */
export function fullCommitId(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`);
  if (!isCommitId(value) || (value.length !== 40 && value.length !== 64)) {
    throw new UsageError(`${flag} takes a full commit id (40 or 64 hexadecimal digits), got ${JSON.stringify(value)}`);
  }
  return value.toLowerCase();
}

/**
 * The problems that keep a commit from being promoted to an environment, found before anything is written: errors
 * in the file holding its BaseRepo, or a branch that cannot take the BaseRepo safely.
 */
export function promotionProblems(
  selection: EnvironmentSelection,
  state: BranchState,
  commit: string,
  repo: string,
): Problem[] {
  if (state.problems.length > 0) return state.problems;
  const change = planBaseRepoChange({ commit, repo, existing: state.existing, files: state.files });
  return change.kind === 'refused' ? [refusedProblem(selection, change.file, change.reason)] : [];
}

/** The problem reported when an environment's branch cannot take the BaseRepo. */
export function refusedProblem(selection: EnvironmentSelection, file: string, message: string): Problem {
  return error(`environment "${selection.name}": ${message}`, {
    location: { file: `${selection.branch}/${file}` },
    object: `BaseRepo/${PROMOTED_BASE_REPO}`,
  });
}
