import {
  PromotionStatus,
  PromotionStep,
  environmentContext,
  promotionStatus,
  shouldSetStatus,
} from '../../../src/app/promotion/status-contract';

describe('the commit-status contract (docs/explanation/promotion.md)', () => {
  test.each([
    [PromotionStep.PROMOTED, 'pending', 'Promoted'],
    [PromotionStep.DEPLOYING, 'pending', 'Deploying'],
    [PromotionStep.DEPLOYED, 'pending', 'Deployed'],
    [PromotionStep.DEPLOYED_LAST, 'success', 'Deployed'],
    [PromotionStep.FAILED, 'failure', 'Failed to deploy'],
  ])('%s sets %s / %s with the context "<env> environment"', (step, state, description) => {
    expect(promotionStatus(step, 'dev')).toEqual({ state, description, context: 'dev environment' });
    expect(environmentContext('stage')).toBe('stage environment');
  });

  const status = (step: PromotionStep): PromotionStatus => promotionStatus(step, 'dev');
  test.each([
    ['sets a status the commit does not have', PromotionStep.PROMOTED, undefined, {}, true],
    ['does not set the same status twice', PromotionStep.PROMOTED, PromotionStep.PROMOTED, {}, false],
    ['moves Promoted on to Deploying', PromotionStep.DEPLOYING, PromotionStep.PROMOTED, {}, true],
    [
      'does not move Deployed back to Deploying (a check run again after success)',
      PromotionStep.DEPLOYING,
      PromotionStep.DEPLOYED,
      {},
      false,
    ],
    [
      'does not move a final Deployed back to Deploying',
      PromotionStep.DEPLOYING,
      PromotionStep.DEPLOYED_LAST,
      {},
      false,
    ],
    [
      'moves Failed to deploy on to Deploying (a check run again after a fix)',
      PromotionStep.DEPLOYING,
      PromotionStep.FAILED,
      {},
      true,
    ],
    [
      'a promotion that changed nothing fills a gap only',
      PromotionStep.PROMOTED,
      PromotionStep.DEPLOYED,
      { onlyIfMissing: true },
      false,
    ],
    [
      'a promotion that changed nothing sets a missing status',
      PromotionStep.PROMOTED,
      undefined,
      { onlyIfMissing: true },
      true,
    ],
  ])('%s', (_name, wanted, current, options, expected) => {
    expect(shouldSetStatus(status(wanted), current ? status(current) : undefined, options)).toBe(expected);
  });
});
