/**
 * The tutorial's flow end to end on every Git host besides GitHub (whose own is `promotion-flow.test.ts`), through the
 * command line and the host's real adapter against its fake: commit to main → promote dev (through the host's API)
 * → publish dev (a request) → publish again (nothing) → merge → check with Flux's commit statuses (which promotes
 * stage through the API) → publish stage.
 *
 * Like a team on one host, the control plane is one repository: the host's, written through its API, and a clone of
 * it read with git (a bare repository, kept equal to the host's by copying objects unchanged).
 */
import * as path from 'path';
import { Clock } from '../../src/app/promotion/wait-for-compliance';
import { ownershipMarker } from '../../src/app/publish/pull-request-text';
import { runCliIsolated } from '../support/cli';
import { BareRepository, commitFiles, readBranchFiles, tutorialRepository } from '../support/git';
import { FLOW_HOSTS, fakeHostServices, hostFlags } from '../support/host-flow';
import { FakeHost } from '../support/host-server/fake-host';
import { fetchFromFake, pushToFake } from '../support/host-server/mirror';
import { FakeRepo } from '../support/host-server/repo-state';
import { temporaryFolder } from '../support/temp';
import { TUTORIAL } from '../support/tutorial';

const APP_SOURCE = `./kalypso-app-src=${path.join(TUTORIAL, 'kalypso-app-src')}`;
const WRITES = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

let fake: FakeHost | undefined;
afterEach(async () => {
  await fake?.close();
  expect(fake?.server.contractViolations()).toEqual([]);
  fake = undefined;
});

/** A clock whose sleeps pass at once, running `between` at each (Flux posts statuses between polls). */
function clock(between: () => void): Clock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
      between();
    },
  };
}

describe.each(FLOW_HOSTS.map((host) => [host.title, host] as const))('the tutorial flow on %s', (_title, host) => {
  test('commit to main → promote dev → publish → merge → check (Flux statuses) → promote stage → publish stage', async () => {
    fake = await host.start();
    const server = fake.server;
    const token = server.token;
    const gitops: FakeRepo = server.repo(fake.owner, fake.name);
    const hosted: FakeRepo = server.createRepo(fake.owner, 'control-plane');
    const controlPlaneUrl = host.webUrl(fake, 'control-plane');
    const controlPlaneName = host.repositoryName(fake, 'control-plane');
    const gitopsName = host.repositoryName(fake, fake.name);

    // GIVEN the tutorial control plane on the host (cloned to a bare repository), publishing to the host's gitops
    const clone: BareRepository = tutorialRepository((branch, files) => {
      if (branch === 'main') {
        for (const name of ['.environments/dev.yaml', '.environments/stage.yaml']) {
          files[name] = files[name]
            .toString()
            .replace('https://github.com/microsoft/kalypso-control-plane', controlPlaneUrl);
        }
      } else {
        files['gitops-repo.yaml'] = files['gitops-repo.yaml']
          .toString()
          .replace('https://github.com/microsoft/kalypso-gitops', host.webUrl(fake!, fake!.name));
      }
    });
    for (const branch of ['main', 'dev', 'stage']) pushToFake(clone, hosted, branch);
    fake.seed('dev', { 'README.md': '# dev\n', 'drone/retired-app/platform-config.yaml': 'stale: true\n' });
    fake.seed('stage', { 'README.md': '# stage\n' });
    const cache = temporaryFolder();
    const cp = ['-c', clone.path, '--cache', cache, ...hostFlags(host, fake)];
    const kalypso = (argv: string[], time?: Clock) =>
      runCliIsolated(argv, {
        env: { [host.variable]: token },
        services: fakeHostServices(host, fake!, time ? { clock: time } : {}),
      });
    const statusesOf = (commit: string) =>
      hosted.statuses
        .filter((status) => status.sha === commit)
        .map((status) => `${status.name}: ${status.state} ${status.description}`);

    // 1. A change lands on main.
    const files = readBranchFiles(clone, 'main');
    files['workloads/hello-world-app.yaml'] = files['workloads/hello-world-app.yaml'].replace(
      'type: application',
      'type: application\n    tier: web',
    );
    const promoted = commitFiles(clone, 'main', files, { message: 'Label the hello-world-app registration' });
    pushToFake(clone, hosted, 'main');

    // 2. Promote it to dev, through the host's API.
    const promotion = await kalypso(['promote', ...cp, '--commit', promoted]);
    const devCommit = hosted.branches.get('dev')!;
    expect(promotion).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        `dev: promoted main ${promoted.slice(0, 12)}: wrote base-repo.yaml on ${controlPlaneName} branch dev (${devCommit.slice(0, 12)})`,
        `dev: set status "dev environment" ${'pending'} "Promoted" on ${promoted.slice(0, 12)} in ${controlPlaneName}`,
        '',
      ].join('\n'),
    });
    expect(hosted.read('dev')['base-repo.yaml']).toContain(`  commit: ${promoted}\n`);
    expect(statusesOf(promoted)).toEqual([`dev environment: ${host.states.pending} Promoted`]);
    fetchFromFake(hosted, clone, 'dev');

    // 3. Publish dev: a request from kalypso/dev, stale files removed, everything else kept.
    const publish = ['publish', ...cp, '--env', 'dev', '--source', APP_SOURCE];
    const published = await kalypso(publish);
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
    const opened = new RegExp(
      `^dev: opened ${escape(host.request(1))} into dev: (\\S+) \\((\\d+) added, 0 changed, 1 deleted\\)\\n$`,
    ).exec(published.stdout);
    expect(opened).not.toBeNull();
    const [request] = fake.requests();
    expect(request).toMatchObject({
      number: 1,
      state: 'open',
      head: 'kalypso/dev',
      base: 'dev',
      title: 'Update manifests in dev',
      labels: host.labels ? ['promoted'] : [],
    });
    expect(request.body).toContain(ownershipMarker('dev'));
    const head = fake.read('kalypso/dev');
    expect(head['.github/tracking/Promoted_Commit_Id']).toBe(promoted);
    expect(head['README.md']).toBe('# dev\n');
    expect(head['drone/retired-app/platform-config.yaml']).toBeUndefined();
    expect(Object.keys(head)).toHaveLength(Number(opened![2]) + 1);
    expect(gitops.commitObject(gitops.branches.get('kalypso/dev')!)?.parents).toEqual([gitops.branches.get('dev')]);

    // 4. Run again: the same request already proposes this, and nothing is written.
    const before = server.requests().length;
    expect(await kalypso(publish)).toEqual({
      code: 0,
      stderr: '',
      stdout: `dev: ${host.request(1)} already proposes this: ${opened![1]}\n`,
    });
    expect(
      server
        .requests()
        .slice(before)
        .filter((r) => WRITES(r.method)),
    ).toEqual([]);

    // 5. A reviewer merges it (a fast-forward: the request is one commit on dev).
    const deployed = gitops.branches.get('kalypso/dev')!;
    gitops.branches.set('dev', deployed);
    gitops.requests[0].state = 'merged';

    // 6. Check: one cluster has posted success; the other does while the check waits. Stage is promoted after.
    fake.postFluxStatus(deployed, 'kustomization/drone/3f2a9c1e', true, 'reconciliation succeeded');
    const check = await kalypso(
      [
        'check',
        ...cp,
        '--env',
        'dev',
        '--commit',
        deployed,
        '--promoted',
        promoted,
        '--expect-cluster',
        '3f2a9c1e',
        '--expect-cluster',
        '77b0d2aa',
        '--interval',
        '5s',
        '--timeout',
        '1m',
      ],
      clock(() => fake!.postFluxStatus(deployed, 'kustomization/large/77b0d2aa', true, 'reconciliation succeeded')),
    );
    const stageCommit = hosted.branches.get('stage')!;
    expect(check).toEqual({
      code: 0,
      stderr: [
        `kalypso check: dev: waiting up to 1m for commit statuses of ${gitopsName} to apply dev@${deployed.slice(0, 12)}`,
        'kalypso check: dev: 1 of 2 clusters compliant; waiting for 77b0d2aa (no commit status from Flux yet)',
        'kalypso check: dev: 2 of 2 clusters compliant',
        '',
      ].join('\n'),
      stdout: [
        `dev: every cluster applied dev@${deployed.slice(0, 12)} (2 of 2 clusters compliant)`,
        `dev: set status "dev environment" pending "Deployed" on ${promoted.slice(0, 12)} in ${controlPlaneName}`,
        `stage: promoted main ${promoted.slice(0, 12)}: wrote base-repo.yaml on ${controlPlaneName} branch stage (${stageCommit.slice(0, 12)})`,
        `stage: set status "stage environment" pending "Promoted" on ${promoted.slice(0, 12)} in ${controlPlaneName}`,
        '',
      ].join('\n'),
    });
    expect(statusesOf(promoted)).toEqual([
      `dev environment: ${host.states.pending} Promoted`,
      `dev environment: ${host.states.pending} Deploying`,
      `dev environment: ${host.states.pending} Deployed`,
      `stage environment: ${host.states.pending} Promoted`,
    ]);
    expect(hosted.read('stage')['base-repo.yaml']).toContain(`  commit: ${promoted}\n`);

    // 7. Publish stage, built from the promoted commit.
    fetchFromFake(hosted, clone, 'stage');
    const stage = await kalypso(['publish', ...cp, '--env', 'stage', '--source', APP_SOURCE]);
    expect(stage.code).toBe(0);
    expect(stage.stdout).toMatch(new RegExp(`^stage: opened ${escape(host.request(2))} into stage: `));
    expect(fake.read('kalypso/stage')['.github/tracking/Promoted_Commit_Id']).toBe(promoted);

    // Nothing secret was printed, or sent in a URL or a body.
    for (const text of [promotion, published, check, stage].flatMap((run) => [run.stdout, run.stderr])) {
      expect(text).not.toContain(token);
    }
    expect(server.requestsContaining(token)).toEqual([]);
  });

  test('fails when a cluster posts failure: status "failure", and stage is not touched', async () => {
    fake = await host.start();
    const hosted = fake.server.createRepo(fake.owner, 'control-plane');
    const clone = tutorialRepository((branch, files) => {
      if (branch === 'main') {
        for (const name of ['.environments/dev.yaml', '.environments/stage.yaml']) {
          files[name] = files[name]
            .toString()
            .replace('https://github.com/microsoft/kalypso-control-plane', host.webUrl(fake!, 'control-plane'));
        }
      } else {
        files['gitops-repo.yaml'] = files['gitops-repo.yaml']
          .toString()
          .replace('https://github.com/microsoft/kalypso-gitops', host.webUrl(fake!, fake!.name));
      }
    });
    for (const branch of ['main', 'dev', 'stage']) pushToFake(clone, hosted, branch);
    const deployed = fake.seed('dev', { 'drone/README.md': 'x\n' });
    fake.postFluxStatus(deployed, 'kustomization/drone/3f2a9c1e', true, 'reconciliation succeeded');
    fake.postFluxStatus(deployed, 'kustomization/large/77b0d2aa', false, 'health check failed');
    const stageBefore = hosted.branches.get('stage');

    const check = await runCliIsolated(
      [
        'check',
        '-c',
        clone.path,
        '--cache',
        temporaryFolder(),
        ...hostFlags(host, fake),
        '--env',
        'dev',
        '--commit',
        deployed,
        '--promoted',
        clone.main,
        '--expect-cluster',
        '3f2a9c1e',
        '--expect-cluster',
        '77b0d2aa',
        '-q',
      ],
      { env: { [host.variable]: fake.server.token }, services: fakeHostServices(host, fake) },
    );

    expect(check).toEqual({
      code: 4,
      stderr: '',
      stdout: [
        `dev: dev@${deployed.slice(0, 12)} failed to deploy (1 of 2 clusters compliant)`,
        '  77b0d2aa: kustomization/large: health check failed',
        `dev: set status "dev environment" failure "Failed to deploy" on ${clone.main.slice(0, 12)} in ${host.repositoryName(fake, 'control-plane')}`,
        '',
      ].join('\n'),
    });
    expect(hosted.statuses.map((status) => `${status.name}: ${status.state} ${status.description}`)).toEqual([
      `dev environment: ${host.states.pending} Deploying`,
      `dev environment: ${host.states.failure} Failed to deploy`,
    ]);
    expect(hosted.branches.get('stage')).toBe(stageBefore);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
