import { lazyComposedConfig } from '../config/platform-config';
import { namespaceName } from '../layout/names';
import { PROMOTED_BASE_REPO } from '../model/environments';
import { Problem, error, isError, sortProblems } from '../model/problems';
import { SILENT_PROGRESS } from '../model/progress';
import { Assignment } from '../scheduling/schedule';
import { locateDeploymentTarget } from '../scheduling/unfold';
import { objectIdentity, objectNameProblems } from './emitted-objects';
import { LikelyMistakeContext, findLikelyMistakes } from './likely-mistakes';
import type { EnvironmentPlan, PlanOptions, PlannedAssignment } from './plan';
import { PreparedEnvironment } from './prepare-environment';
import { RenderedAssignment } from './render-job';
import { LazyContent, lazyContents, lazyFiles } from './lazy-files';
import { ownsPromotedCommit } from './shard';
import { CLUSTER_TYPE_README, CLUSTER_TYPE_README_TEXT, PROMOTED_COMMIT_FILE } from '../layout/names';
import { compareStrings } from '../model/order';

/**
 * Everything after rendering: name and collision checks, likely mistakes, the sorted files. Each assignment's result
 * is checked as it is given (`add`, in schedule order), so that a caller rendering in worker threads can check the
 * results that are in while the others render, and only the environment-wide part is left for `finish`.
 */
export class EnvironmentCompletion {
  private readonly problems: Problem[];
  // Content from the render cache stays unread (src/core/plan/lazy-files.ts).
  private readonly files = new Map<string, string | LazyContent>();
  private readonly planned: PlannedAssignment[] = [];
  private readonly failedFolders: string[];
  private readonly namespaces = new Map<unknown, Assignment>();
  private readonly identitiesPerClusterType = new Map<string, Map<string, string>>();
  private readonly configs: LikelyMistakeContext['configs'][number][] = [];
  /** The next prepared assignment to be given, and the next scheduled one to look at. */
  private next = 0;
  private nextScheduled = 0;

  public constructor(
    private readonly prepared: PreparedEnvironment,
    private readonly options: PlanOptions,
  ) {
    this.problems = [...prepared.problems];
    this.failedFolders = [...prepared.unresolved];
    for (const clusterType of prepared.clusterTypes)
      this.files.set(`${clusterType.name}/${CLUSTER_TYPE_README}`, CLUSTER_TYPE_README_TEXT);
  }

  /** How many results were given so far. */
  public get added(): number {
    return this.next;
  }

  /** Checks the result of the next prepared assignment (`prepared.assignments[added]`). */
  public add(result: RenderedAssignment): void {
    const { prepared, namespaces, identitiesPerClusterType, problems, files } = this;
    (this.options.progress ?? SILENT_PROGRESS).step?.('plan');
    const index = this.next++;
    const { assignment, folder, sources } = prepared.assignments[index];
    // Assignments in schedule order: those of other shards only name their namespaces, so that a shard finds a
    // collision with them where the unsharded run would.
    this.nameOutsideNamespacesUpTo(assignment);
    const { clusterType, deploymentTarget } = assignment;
    const namespace = namespaceName(deploymentTarget.environment, clusterType.name, deploymentTarget.name);
    const where = {
      location: locateDeploymentTarget(deploymentTarget),
      object: `DeploymentTarget/${deploymentTarget.name}`,
    };
    // A bad config key is the ConfigMap's doing: its provenance (composed only now, on failure) says which set it.
    const provenance =
      result.failures.some((failure) => failure.configKey !== undefined) &&
      lazyComposedConfig(sources, clusterType, deploymentTarget).provenance;
    const assignmentProblems = result.failures.map((failure) => {
      const setBy = failure.configKey !== undefined && provenance ? provenance[failure.configKey]?.at(-1) : undefined;
      return error(failure.message, {
        location: failure.location ?? setBy?.location ?? where.location,
        object: failure.object ?? (setBy ? `ConfigMap/${setBy.configMap}` : where.object),
      });
    });

    const identities = identitiesPerClusterType.get(clusterType.name) ?? new Map<string, string>();
    identitiesPerClusterType.set(clusterType.name, identities);
    for (const object of result.objects) {
      for (const { field, value, problem } of objectNameProblems(object)) {
        const parts =
          value === namespace
            ? ` (environment "${deploymentTarget.environment}" + cluster type "${clusterType.name}" + deployment target "${deploymentTarget.name}")`
            : '';
        assignmentProblems.push(
          error(
            `${object.kind} ${JSON.stringify(value)} in ${folder}/${object.file}: ${field} ${problem}${parts}`,
            where,
          ),
        );
      }
      const identity = objectIdentity(object);
      const owner = identities.get(identity);
      if (owner && owner !== folder) {
        assignmentProblems.push(
          error(
            `${object.kind} ${JSON.stringify(object.name)} is produced by both ${owner} and ${folder} on cluster type "${clusterType.name}"`,
            where,
          ),
        );
      }
      identities.set(identity, folder);
      if (object.kind === 'Namespace') {
        const other = namespaces.get(object.name);
        if (other && other !== assignment) {
          assignmentProblems.push(
            error(
              `namespace ${JSON.stringify(object.name)} is produced by both (clusterType "${other.clusterType.name}", deploymentTarget "${other.deploymentTarget.name}") and (clusterType "${clusterType.name}", deploymentTarget "${deploymentTarget.name}")`,
              where,
            ),
          );
        }
        namespaces.set(object.name, assignment);
      }
    }
    problems.push(...assignmentProblems);
    if (assignmentProblems.some(isError)) {
      this.failedFolders.push(folder);
      return;
    }

    const paths: string[] = [];
    const lazy = lazyContents(result.files);
    for (const file of Object.keys(result.files)) {
      const filePath = `${folder}/${file}`;
      paths.push(filePath);
      files.set(filePath, lazy?.get(file) ?? result.files[file]);
    }
    this.planned.push({
      clusterType: clusterType.name,
      deploymentTarget: deploymentTarget.name,
      workload: assignment.workload,
      namespace,
      policies: assignment.policies,
      config: lazyComposedConfig(sources, clusterType, deploymentTarget),
      files: paths.sort(),
    });
    this.configs.push({ clusterType, deploymentTarget, sources });
  }

  /** Records the namespaces of the scheduled assignments of other shards before `upTo` (to the end: undefined). */
  private nameOutsideNamespacesUpTo(upTo: Assignment | undefined): void {
    const { scheduled, outsideNamespaces } = this.prepared;
    while (this.nextScheduled < scheduled.length) {
      const assignment = scheduled[this.nextScheduled];
      if (assignment === upTo) {
        this.nextScheduled++;
        return;
      }
      const outsideNamespace = outsideNamespaces.get(assignment);
      if (outsideNamespace !== undefined) this.namespaces.set(outsideNamespace, assignment);
      this.nextScheduled++;
    }
  }

  /** The plan, once every prepared assignment's result was given. */
  public finish(): EnvironmentPlan {
    const { prepared, options, problems, files } = this;
    if (this.next !== prepared.assignments.length) {
      throw new Error(
        `${prepared.assignments.length - this.next} assignments of ${prepared.environment.name} were not rendered`,
      );
    }
    (options.progress ?? SILENT_PROGRESS).step?.('plan');
    this.nameOutsideNamespacesUpTo(undefined);
    const { environment } = prepared;

    if (!options.incompleteInput) {
      problems.push(
        ...findLikelyMistakes(environment, {
          deploymentTargets: prepared.deploymentTargets,
          assignments: prepared.scheduled,
          configSources: prepared.configSources,
          configs: this.configs,
          environmentNames: options.environmentNames,
        }),
      );
    }

    // The promoted commit belongs to the first shard (every shard when not sharded).
    const promotedCommit = environment.baseRepos.find((repo) => repo.name === PROMOTED_BASE_REPO)?.commit || undefined;
    if (promotedCommit && ownsPromotedCommit(options.shard)) files.set(PROMOTED_COMMIT_FILE, promotedCommit);
    const gitOpsRepo = environment.gitOpsRepos[0];

    return {
      environment: environment.name,
      gitOpsRepo: gitOpsRepo ? { repo: gitOpsRepo.repo, branch: gitOpsRepo.branch } : undefined,
      promotedCommit,
      clusterTypes: prepared.clusterTypes.map((clusterType) => clusterType.name).sort(),
      files: lazyFiles([...files.entries()].sort(([a], [b]) => compareStrings(a, b))),
      assignments: this.planned,
      failedFolders: this.failedFolders,
      deploymentTargets: prepared.deploymentTargets,
      problems: sortProblems(problems),
    };
  }
}

/** Everything after rendering, for results all at hand (see `EnvironmentCompletion`). */
export function completeEnvironment(
  prepared: PreparedEnvironment,
  rendered: readonly RenderedAssignment[],
  options: PlanOptions,
): EnvironmentPlan {
  const completion = new EnvironmentCompletion(prepared, options);
  for (const result of rendered) completion.add(result);
  return completion.finish();
}
