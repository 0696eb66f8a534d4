export type { ContractViolation } from './contract';
export type { FaultOptions } from './faults';
export type { RecordedRequest } from './pipeline';
export type {
  GitHubServerProps,
  MergePullOptions,
  OpenPullAsUserOptions,
  PullSnapshot,
  StatusSnapshot,
} from './server';
export { GitHubServer, startGitHubServer } from './server';
export type { CreateRepoOptions } from './world';
export type { RateLimitEvent, TestOctokit, TestOctokitOptions } from './octokit';
export { createTestOctokit } from './octokit';
