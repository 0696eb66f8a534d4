import * as path from 'path';
import { RepositoryKind, classifyRepository } from '../../io/git/git-refs';
import { environmentRollout } from '../rollout/environment-rollout';
import { readStoredRollout } from '../rollout/read-rollout-state';
import { GitServices } from '../setup/git-services';
import { SynthResult } from '../synthesize/synthesize';
import { RolloutExplanation, explainRollout } from './explain-rollout';

export { renderRolloutText } from './explain-rollout';

/**
 * `kalypso explain --rollout`: for each environment planned, which wave each cluster type is in, each wave's gate, the
 * change windows now, and — when the environment has a RolloutPolicy and a GitOpsRepo — the state of its rollout as
 * the tracking file on the GitOpsRepo branch records it (a repository that cannot be read is said, not an error).
 */
export async function explainRollouts(
  result: Pick<SynthResult, 'model' | 'plans'>,
  git: GitServices,
  cwd: string,
  now: Date = new Date(),
): Promise<RolloutExplanation[]> {
  const explanations: RolloutExplanation[] = [];
  for (const plan of result.plans) {
    const environment = result.model.environments.find((candidate) => candidate.name === plan.environment)!;
    const rollout = environmentRollout(environment);
    const gitOpsRepo = plan.gitOpsRepo;
    const repo =
      gitOpsRepo && classifyRepository(gitOpsRepo.repo).kind === RepositoryKind.LOCAL_PATH
        ? path.resolve(cwd, gitOpsRepo.repo)
        : gitOpsRepo?.repo;
    const stored = rollout && gitOpsRepo && repo ? await readStoredRollout(repo, gitOpsRepo.branch, git) : undefined;
    explanations.push(explainRollout(plan.environment, rollout, now, stored));
  }
  return explanations;
}
