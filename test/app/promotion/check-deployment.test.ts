import { checkDeployment } from '../../../src/app/promotion/check-deployment';
import { ClusterState } from '../../../src/app/promotion/compliance';
import { ComplianceSource } from '../../../src/app/promotion/compliance-source';
import { StatusBoard } from '../../../src/app/promotion/status-board';
import { PromotionStatus } from '../../../src/app/promotion/status-contract';

/** Commit statuses kept in memory, each one set recorded. */
class MemoryBoard implements StatusBoard {
  public readonly description = 'org/control-plane';
  public readonly set: (commit: string, status: PromotionStatus) => Promise<void>;
  public readonly history: string[] = [];
  private readonly statuses = new Map<string, PromotionStatus>();

  public constructor() {
    this.set = async (commit, status) => {
      this.statuses.set(`${commit} ${status.context}`, status);
      this.history.push(`${status.state} ${status.description}`);
    };
  }

  public async current(commit: string, context: string): Promise<PromotionStatus | undefined> {
    return this.statuses.get(`${commit} ${context}`);
  }
}

const clusters = (state: ClusterState): ComplianceSource => ({
  description: 'two clusters',
  observe: async () => [
    { cluster: 'drone-1', state, reason: 'observed', clusterType: 'drone' },
    { cluster: 'large-1', state, reason: 'observed', clusterType: 'large' },
  ],
});

const PROMOTED = 'a'.repeat(40);

function check(state: ClusterState, options: { rolloutUnfinished?: boolean; next?: string }) {
  const board = new MemoryBoard();
  const result = checkDeployment({
    environment: 'stage',
    target: { repo: '/gitops.git', branch: 'stage', commit: 'b'.repeat(40) },
    promoted: PROMOTED,
    sources: [clusters(state)],
    wait: { timeoutMs: 0, intervalMs: 1, clock: { now: () => 0, sleep: async () => undefined } },
    statuses: board,
    next: options.next,
    rolloutUnfinished: options.rolloutUnfinished,
  });
  return { result, board };
}

describe('checkDeployment during a rollout in waves', () => {
  test('every cluster applied the branch, but the rollout is unfinished: the commit stays Deploying', async () => {
    const { result, board } = check(ClusterState.COMPLIANT, { rolloutUnfinished: true });
    const checked = await result;
    expect(checked.outcome).toBe('compliant');
    expect(checked.rolloutUnfinished).toBe(true);
    expect(board.history).toEqual(['pending Deploying']);
    expect(checked.status).toMatchObject({ action: 'unchanged', status: { description: 'Deploying' } });
  });

  test('without a rollout, the same clusters mark it Deployed', async () => {
    const { result, board } = check(ClusterState.COMPLIANT, {});
    const checked = await result;
    expect(board.history).toEqual(['pending Deploying', 'success Deployed']);
    expect(checked.rolloutUnfinished).toBeUndefined();
  });

  test('without a rollout, an environment another follows is marked pending Deployed', async () => {
    const { result, board } = check(ClusterState.COMPLIANT, { next: 'prod' });
    expect((await result).next).toBe('prod');
    expect(board.history).toEqual(['pending Deploying', 'pending Deployed']);
  });

  test('a cluster that failed is a failure, rollout or not', async () => {
    const { result, board } = check(ClusterState.FAILED, { rolloutUnfinished: true });
    expect((await result).outcome).toBe('failed');
    expect(board.history).toEqual(['pending Deploying', 'failure Failed to deploy']);
  });
});
