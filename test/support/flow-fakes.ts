/**
 * Every Git host's fake as the end-to-end flow drives it, whatever the host: repositories in one owner (`gitops` and
 * `control-plane`), branches copied to and from a bare repository with their objects unchanged, requests, commit
 * statuses as the host stores them, Flux's statuses as its provider for that host posts them.
 */
import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { spawnSync } from 'child_process';
import { CliServices } from '../../src/cli/cli';
import { BareRepository, ISOLATED_GIT_ENV } from './git';
import { GitHubServer, createTestOctokit, startGitHubServer } from './github-server';
import { GitTreeEntry, TreeMode, encodeCommit, encodeTree } from './github-server/git-store';
import { mirrorCommit } from './mirror-to-github';
import { FLOW_HOSTS, FlowHost, fakeHostServices, hostFlags } from './host-flow';
import { FakeHost } from './host-server/fake-host';
import { fetchFromFake, pushToFake } from './host-server/mirror';

/** A request as the flow checks it. */
export interface FlowRequest {
  readonly number: number;
  readonly state: string;
  readonly head: string;
  readonly base: string;
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
}

export interface FlowFake {
  readonly title: string;
  /** The variable the token is read from, and the token the fake takes. */
  readonly variable: string;
  readonly token: string;
  /** `--host` and `--api-url`. */
  readonly flags: readonly string[];
  /** Services talking to the fake (checking what the command asked for), with `extra` (a clock). */
  services(extra?: CliServices): CliServices;
  webUrl(name: string): string;
  repositoryName(name: string): string;
  request(number: number): string;
  readonly labels: boolean;
  /** The host's own words for the states a promotion sets. */
  readonly states: { readonly pending: string; readonly success: string; readonly failure: string };
  createRepo(name: string): Promise<void>;
  seed(name: string, branch: string, files: Readonly<Record<string, string>>): Promise<string>;
  read(name: string, branch: string): Record<string, string>;
  tip(name: string, branch: string): string | undefined;
  parents(name: string, commit: string): Promise<readonly string[]>;
  /** Copies a branch of a bare repository into the repository `name` (as a push would). */
  pushFrom(bare: BareRepository, name: string, branch: string): Promise<void>;
  /** Copies a branch of the repository `name` into a bare repository (as a fetch would). */
  fetchInto(name: string, bare: BareRepository, branch: string): Promise<void>;
  requests(name: string): FlowRequest[];
  /** Merges a request as a reviewer would; returns the new tip of its base. */
  merge(name: string, number: number): Promise<string>;
  /** `<context>: <host's state word> <description>` of each status set on a commit, oldest first. */
  statuses(name: string, commit: string): string[];
  postFluxStatus(name: string, commit: string, id: string, healthy: boolean, description: string): Promise<void>;
  /** `<method> <path>` of every request received so far that may change something (branches, requests, labels). */
  writes(): string[];
  requestsContaining(text: string): unknown[];
  contractViolations(): unknown[];
  close(): Promise<void>;
}

function fromFakeHost(host: FlowHost, fake: FakeHost): FlowFake {
  const repo = (name: string) => fake.server.repo(fake.owner, name);
  return {
    title: host.title,
    variable: host.variable,
    token: fake.server.token,
    flags: hostFlags(host, fake),
    services: (extra = {}) => fakeHostServices(host, fake, extra),
    webUrl: (name) => host.webUrl(fake, name),
    repositoryName: (name) => host.repositoryName(fake, name),
    request: host.request,
    labels: host.labels,
    states: host.states,
    createRepo: async (name) => {
      fake.server.createRepo(fake.owner, name);
    },
    seed: async (name, branch, files) => repo(name).seed(branch, files),
    read: (name, branch) => repo(name).read(branch),
    tip: (name, branch) => repo(name).branches.get(branch),
    parents: async (name, commit) => repo(name).commitObject(commit)?.parents ?? [],
    pushFrom: async (bare, name, branch) => {
      pushToFake(bare, repo(name), branch);
    },
    fetchInto: async (name, bare, branch) => {
      fetchFromFake(repo(name), bare, branch);
    },
    requests: (name) => repo(name).requests.map((request) => ({ ...request, labels: [...request.labels] })),
    merge: async (name, number) => {
      const target = repo(name);
      const request = target.requests.find((candidate) => candidate.number === number)!;
      const head = target.branches.get(request.head)!;
      target.branches.set(request.base, head);
      request.state = 'merged';
      return head;
    },
    statuses: (name, commit) =>
      repo(name)
        .statuses.filter((status) => status.sha === commit)
        .map((status) => `${status.name}: ${status.state} ${status.description}`),
    postFluxStatus: async (name, commit, id, healthy, description) => {
      if (name !== fake.name) throw new Error(`Flux posts on ${fake.name} in these tests, not ${name}`);
      fake.postFluxStatus(commit, id, healthy, description);
    },
    writes: () => fake.server.requests().filter(isWrite).map(describeRequest),
    requestsContaining: (text) => fake.server.requestsContaining(text),
    contractViolations: () => fake.server.contractViolations(),
    close: () => fake.close(),
  };
}

async function gitHubFake(): Promise<FlowFake> {
  const token = 'ghp_PLANTEDflowTOKEN0123456789abcdef';
  const server: GitHubServer = await startGitHubServer({ token });
  const octokit = await createTestOctokit(server);
  server.createRepo('org', 'gitops', { defaultBranch: 'main' });
  const at = (name: string) => ({ owner: 'org', repo: name });
  return {
    title: 'GitHub',
    variable: 'GITHUB_TOKEN',
    token,
    flags: ['--host', 'github', '--api-url', server.url],
    services: (extra = {}) => ({
      ...extra,
      createGitHubClient: async (options) => {
        expect(options).toEqual({ token, baseUrl: server.url });
        return createTestOctokit(server, { retry: true, throttle: true, auth: options.token });
      },
    }),
    webUrl: (name) => `${server.url}/org/${name}`,
    repositoryName: (name) => `org/${name}`,
    request: (number) => `pull request #${number}`,
    labels: true,
    states: { pending: 'pending', success: 'success', failure: 'failure' },
    createRepo: async (name) => {
      server.createRepo('org', name, { defaultBranch: 'main' });
      server.seedBranch('org', name, 'seed', { 'README.md': '# seed\n' });
    },
    seed: async (name, branch, files) => server.seedBranch('org', name, branch, files),
    read: (name, branch) => server.readBranch('org', name, branch),
    tip: (name, branch) => server.branchSha('org', name, branch),
    parents: async (name, commit) =>
      (await octokit.rest.git.getCommit({ ...at(name), commit_sha: commit })).data.parents.map((parent) => parent.sha),
    pushFrom: async (bare, name, branch) => {
      const tip = gitText(bare, ['rev-parse', `refs/heads/${branch}`]);
      await mirrorCommit(octokit, at(name), bare, tip);
      if (server.branchSha('org', name, branch)) {
        await octokit.rest.git.updateRef({ ...at(name), ref: `heads/${branch}`, sha: tip, force: true });
      } else {
        await octokit.rest.git.createRef({ ...at(name), ref: `refs/heads/${branch}`, sha: tip });
      }
    },
    fetchInto: async (name, bare, branch) => {
      const tip = server.branchSha('org', name, branch)!;
      await copyFromGitHub(octokit, at(name), bare, tip);
      gitText(bare, ['update-ref', `refs/heads/${branch}`, tip]);
    },
    requests: (name) =>
      server.listPulls('org', name).map((pull) => ({
        number: pull.number,
        state: pull.merged ? 'merged' : pull.state,
        head: pull.head,
        base: pull.base,
        title: pull.title,
        body: pull.body ?? '',
        labels: pull.labels,
      })),
    merge: async (name, number) => server.mergePull('org', name, number),
    statuses: (name, commit) =>
      server.statuses('org', name, commit).map((status) => `${status.context}: ${status.state} ${status.description}`),
    postFluxStatus: async (name, commit, id, healthy, description) => {
      await octokit.rest.repos.createCommitStatus({
        ...at(name),
        sha: commit,
        state: healthy ? 'success' : 'failure',
        context: id,
        description,
      });
    },
    // Creating a tree object alone changes no branch, request or label (the adapter compares trees that way).
    writes: () =>
      server
        .requests()
        .filter((request) => isWrite(request) && request.operationId !== 'git/create-tree')
        .map(describeRequest),
    requestsContaining: (text) => server.requestsContaining(text),
    contractViolations: () => server.contractViolations(),
    close: () => server.close(),
  };
}

function isWrite(request: { method: string }): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(request.method.toUpperCase());
}

function describeRequest(request: { method: string; url: string }): string {
  return `${request.method} ${request.url}`;
}

function gitText(bare: BareRepository, args: string[], input?: Buffer): string {
  const result = spawnSync('git', ['--git-dir', bare.path, ...args], {
    env: { ...process.env, ...ISOLATED_GIT_ENV },
    ...(input ? { input } : {}),
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.toString('utf8').trim();
}

/** Copies a commit of the fake GitHub, and what it holds, into a bare repository through the Git Data API. */
async function copyFromGitHub(
  octokit: Octokit,
  at: { owner: string; repo: string },
  bare: BareRepository,
  commit: string,
): Promise<void> {
  const has = (sha: string) =>
    spawnSync('git', ['--git-dir', bare.path, 'cat-file', '-e', sha], { env: { ...process.env, ...ISOLATED_GIT_ENV } })
      .status === 0;
  const write = (type: string, body: Buffer, sha: string) => {
    const written = gitText(bare, ['hash-object', '-t', type, '-w', '--stdin'], body);
    if (written !== sha) throw new Error(`copy from GitHub: ${type} ${sha} was written as ${written}`);
  };
  const copyTree = async (sha: string): Promise<void> => {
    if (has(sha)) return;
    const tree = (await octokit.rest.git.getTree({ ...at, tree_sha: sha })).data.tree;
    const entries: GitTreeEntry[] = [];
    for (const entry of tree) {
      if (entry.type === 'tree') await copyTree(entry.sha!);
      else if (!has(entry.sha!)) {
        const blob = (await octokit.rest.git.getBlob({ ...at, file_sha: entry.sha! })).data;
        write('blob', Buffer.from(blob.content, blob.encoding === 'base64' ? 'base64' : 'utf8'), entry.sha!);
      }
      entries.push({
        name: entry.path!,
        mode: entry.mode as TreeMode,
        type: entry.type as 'blob' | 'tree',
        sha: entry.sha!,
      });
    }
    write('tree', encodeTree(entries), sha);
  };
  const copyCommit = async (sha: string): Promise<void> => {
    if (has(sha)) return;
    const data = (await octokit.rest.git.getCommit({ ...at, commit_sha: sha })).data;
    for (const parent of data.parents) await copyCommit(parent.sha);
    await copyTree(data.tree.sha);
    write(
      'commit',
      encodeCommit({
        tree: data.tree.sha,
        parents: data.parents.map((parent) => parent.sha),
        author: { name: data.author.name, email: data.author.email, date: data.author.date },
        committer: { name: data.committer.name, email: data.committer.email, date: data.committer.date },
        message: data.message,
      }),
      sha,
    );
  };
  await copyCommit(commit);
}

/** Each host's fake for the flow: GitHub, then every host of `FLOW_HOSTS`. */
export const FLOW_FAKES: readonly (readonly [string, () => Promise<FlowFake>])[] = [
  ['GitHub', gitHubFake],
  ...FLOW_HOSTS.map((host) => [host.title, async () => fromFakeHost(host, await host.start())] as const),
];
