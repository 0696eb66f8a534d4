import { AgainstTree } from '../app/diff/against';
import { diffEnvironments, diffJson } from '../app/diff/diff-environments';
import { ExplainOptions, explain, explainJson } from '../app/explain/explain-plans';
import { publishEnvironments, publishJson } from '../app/publish/publish-environments';
import { GitHubClientFactory } from '../app/setup/github-access';
import { hostServices } from '../app/setup/host-services';
import { SynthResult } from '../app/synthesize/synthesize';
import { ControlPlane } from './control-plane';

/*
 * explain, diff and publish for a control plane built in code: the same use cases as `kalypso explain`, `kalypso diff`
 * and `kalypso publish`, returning exactly what those print with `--json`.
 */

/** Where git and GitHub are reached from code. */
export interface HostAccessOptions {
  /**
   * The environment git and the GitHub client run with (`GITHUB_TOKEN` is read from it, sent only to the GitHub host
   * and never printed).
   * @default process.env
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Where remote repositories are mirrored.
   * @default "$XDG_CACHE_HOME/kalypso-cdk8s", else "~/.cache/kalypso-cdk8s"
   */
  readonly cache?: string;
  /**
   * The kind of Git host of the GitOps repositories, when their URL does not tell (a self-hosted instance):
   * `github`, `gitlab`, `azure-devops`, `gitea` or `bitbucket`.
   * @default - recognised from each repository's URL
   */
  readonly host?: string;
  /**
   * The API of a self-hosted instance (GitHub Enterprise Server, GitLab self-managed, Azure DevOps Server, Gitea).
   * @default - the public API of each host
   */
  readonly apiUrl?: string;
  /** @internal Makes the GitHub client; tests pass one that talks to a local server. */
  readonly _githubClient?: GitHubClientFactory;
}

/** An existing platform GitOps tree: a folder, or a branch of a git repository (a URL or a local repository). */
export type ExistingTree = string | { readonly repo: string; readonly branch: string };

/** What `diffControlPlane` compares each environment's plan with. */
export interface DiffControlPlaneOptions extends HostAccessOptions {
  /** A folder laid out as `kalypso synth --out` writes: environment E is compared with `<folder>/E/`. */
  readonly out?: string;
  /** Per environment, the tree to compare with. */
  readonly environments?: Readonly<Record<string, ExistingTree>>;
  /**
   * Compare every other environment with the branch of its GitOpsRepo (what `publishControlPlane` would change).
   * @default false
   */
  readonly gitOpsRepos?: boolean;
}

/** How `publishControlPlane` publishes. */
export interface PublishControlPlaneOptions extends HostAccessOptions {
  /**
   * Publish with git push (any host, or a local repository) instead of a GitHub pull request.
   * @default false
   */
  readonly push?: boolean;
  /**
   * With `push`: push onto the GitOpsRepo branch itself instead of `kalypso/<environment>`.
   * @default false
   */
  readonly direct?: boolean;
  /**
   * Read the branches and decide the change, but write nothing.
   * @default false
   */
  readonly dryRun?: boolean;
}

/** The control plane's pipeline result, planned in this thread; throws `ValidationError` when it has errors. */
function resultOf(controlPlane: ControlPlane): Pick<SynthResult, 'model' | 'plans' | 'problems'> {
  const plans = controlPlane.plan();
  return { model: controlPlane.toModel(), plans, problems: controlPlane.warnings };
}

function access(options: HostAccessOptions) {
  return hostServices({ host: options.host, apiUrl: options.apiUrl }, options.env ?? process.env, {
    cache: options.cache,
    createGitHubClient: options._githubClient,
  });
}

/**
 * `kalypso explain --json` for a control plane built in code: the assignment matrix of each environment, or, with
 * `targets`, why each target is (not) on each cluster type and where its config comes from.
 * @throws ValidationError when the control plane has errors
 */
export function explainControlPlane(controlPlane: ControlPlane, options: ExplainOptions = {}) {
  return explainJson(explain(resultOf(controlPlane), options));
}

/**
 * `kalypso diff --json` for a control plane built in code: each environment's plan compared with an existing tree,
 * object by object and field by field.
 * @throws ValidationError when the control plane has errors
 */
export async function diffControlPlane(controlPlane: ControlPlane, options: DiffControlPlaneOptions) {
  const perEnvironment = new Map<string, AgainstTree>(
    Object.entries(options.environments ?? {}).map(([environment, tree]) => [
      environment,
      typeof tree === 'string'
        ? { kind: 'folder', folder: tree }
        : { kind: 'git', repo: tree.repo, branch: tree.branch },
    ]),
  );
  const { git } = access(options);
  return diffJson(
    await diffEnvironments(resultOf(controlPlane), {
      against: { outFolder: options.out, perEnvironment, gitOpsRepos: options.gitOpsRepos === true },
      git,
    }),
  );
}

/**
 * `kalypso publish --json` for a control plane built in code: each environment's tree as a pull request on GitHub
 * (kept up to date in place; a merge request on GitLab, a pull request on Azure DevOps, Gitea and Bitbucket), or
 * pushed with git to any host.
 * @throws ValidationError when the control plane has errors
 */
export async function publishControlPlane(controlPlane: ControlPlane, options: PublishControlPlaneOptions = {}) {
  const { git, github, hosts } = access(options);
  return publishJson(
    await publishEnvironments(resultOf(controlPlane), {
      git,
      github,
      hosts,
      push: options.push,
      direct: options.direct,
      dryRun: options.dryRun,
      registry: controlPlane._registry,
    }),
  );
}
