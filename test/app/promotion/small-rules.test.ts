import { parseDuration } from '../../../src/core/model/duration';
import { nextEnvironment } from '../../../src/app/promotion/next-environment';
import { repositoryIdentity } from '../../../src/app/promotion/repository-identity';

describe('parseDuration', () => {
  test.each([
    ['30s', 30_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['1.5m', 90_000],
    ['0s', 0],
    ['10', undefined],
    ['', undefined],
    ['10 m', undefined],
    ['-1s', undefined],
    ['1d', undefined],
  ])('%j → %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
});

describe('nextEnvironment', () => {
  test.each([
    ['the one declared after', ['dev', 'stage', 'prod'], 'dev', undefined, 'stage'],
    ['none after the last', ['dev', 'stage'], 'stage', undefined, undefined],
    ['--next wins', ['dev', 'stage', 'prod'], 'dev', 'prod', 'prod'],
    ['an unknown environment has none', ['dev'], 'qa', undefined, undefined],
  ])('%s', (_name, order, current, override, next) => {
    expect(nextEnvironment(order, current, override)).toBe(next);
  });
});

describe('repositoryIdentity', () => {
  test.each([
    ['https://github.com/Org/GitOps.git/', 'github.com/org/gitops'],
    ['ssh://git@github.com/org/gitops', 'github.com/org/gitops'],
    ['git@github.com:org/gitops.git', 'github.com/org/gitops'],
    ['file:///srv/git/gitops.git', '/srv/git/gitops'],
    ['/srv/git/gitops.git', '/srv/git/gitops'],
  ])('%j → %j', (location, identity) => {
    expect(repositoryIdentity(location)).toBe(identity);
  });
});
