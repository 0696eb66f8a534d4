/**
 * The tutorial's flow end to end on every Git host, through the command line and the host's real adapter against its
 * fake: commit to main → promote dev (through the host's API) → publish dev (a request) → publish again (nothing) →
 * merge → check with Flux's commit statuses (which promotes stage through the API) → publish stage. GitHub's flow with
 * git push and the clusters' own Flux objects is `promotion-flow.test.ts`.
 *
 * Like a team on one host, the control plane is one repository: the host's, written through its API, and a clone of
 * it read with git (a bare repository, kept equal to the host's by copying objects unchanged).
 */
import * as path from 'path';
import { Clock } from '../../src/app/promotion/wait-for-compliance';
import { ownershipMarker } from '../../src/app/publish/pull-request-text';
import { runCliIsolated } from '../support/cli';
import { FLOW_FAKES, FlowFake } from '../support/flow-fakes';
import { BareRepository, commitFiles, readBranchFiles, tutorialRepository } from '../support/git';
import { temporaryFolder } from '../support/temp';
import { TUTORIAL } from '../support/tutorial';

const APP_SOURCE = `./kalypso-app-src=${path.join(TUTORIAL, 'kalypso-app-src')}`;

let fake: FlowFake | undefined;
afterEach(async () => {
  if (!fake) return;
  await fake.close();
  expect(fake.contractViolations()).toEqual([]);
  fake = undefined;
});

/** The tutorial control plane on the host's `control-plane` (and cloned to a bare repository), publishing to its `gitops`. */
async function controlPlaneOn(host: FlowFake): Promise<BareRepository & { main: string }> {
  await host.createRepo('control-plane');
  const clone = tutorialRepository((branch, files) => {
    if (branch === 'main') {
      for (const name of ['.environments/dev.yaml', '.environments/stage.yaml']) {
        files[name] = files[name]
          .toString()
          .replace('https://github.com/microsoft/kalypso-control-plane', host.webUrl('control-plane'));
      }
    } else {
      files['gitops-repo.yaml'] = files['gitops-repo.yaml']
        .toString()
        .replace('https://github.com/microsoft/kalypso-gitops', host.webUrl('gitops'));
    }
  });
  for (const branch of ['main', 'dev', 'stage']) await host.pushFrom(clone, 'control-plane', branch);
  return clone;
}

/** A clock whose sleeps pass at once, running `between` at each (Flux posts statuses between polls). */
function clock(between: () => Promise<void>): Clock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
      await between();
    },
  };
}

describe.each(FLOW_FAKES)('the tutorial flow on %s', (_title, start) => {
  test('commit to main → promote dev → publish → merge → check (Flux statuses) → promote stage → publish stage', async () => {
    const host = (fake = await start());
    const controlPlaneName = host.repositoryName('control-plane');

    // GIVEN the tutorial control plane on the host, and the GitOps branches with a stale file in a managed folder
    const clone = await controlPlaneOn(host);
    await host.seed('gitops', 'dev', {
      'README.md': '# dev\n',
      'drone/retired-app/platform-config.yaml': 'stale: true\n',
    });
    await host.seed('gitops', 'stage', { 'README.md': '# stage\n' });
    const cp = ['-c', clone.path, '--cache', temporaryFolder(), ...host.flags];
    const kalypso = (argv: string[], time?: Clock) =>
      runCliIsolated(argv, {
        env: { [host.variable]: host.token },
        services: host.services(time ? { clock: time } : {}),
      });

    // 1. A change lands on main.
    const files = readBranchFiles(clone, 'main');
    files['workloads/hello-world-app.yaml'] = files['workloads/hello-world-app.yaml'].replace(
      'type: application',
      'type: application\n    tier: web',
    );
    const promoted = commitFiles(clone, 'main', files, { message: 'Label the hello-world-app registration' });
    await host.pushFrom(clone, 'control-plane', 'main');

    // 2. Promote it to dev, through the host's API.
    const promotion = await kalypso(['promote', ...cp, '--commit', promoted]);
    const devCommit = host.tip('control-plane', 'dev')!;
    expect(promotion).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        `dev: promoted main ${promoted.slice(0, 12)}: wrote base-repo.yaml on ${controlPlaneName} branch dev (${devCommit.slice(0, 12)})`,
        `dev: set status "dev environment" pending "Promoted" on ${promoted.slice(0, 12)} in ${controlPlaneName}`,
        '',
      ].join('\n'),
    });
    expect(host.read('control-plane', 'dev')['base-repo.yaml']).toContain(`  commit: ${promoted}\n`);
    expect(host.statuses('control-plane', promoted)).toEqual([`dev environment: ${host.states.pending} Promoted`]);
    await host.fetchInto('control-plane', clone, 'dev');

    // 3. Publish dev: a request from kalypso/dev, stale files removed, everything else kept.
    const publish = ['publish', ...cp, '--env', 'dev', '--source', APP_SOURCE];
    const published = await kalypso(publish);
    expect({ code: published.code, stderr: published.stderr }).toEqual({ code: 0, stderr: '' });
    const opened = new RegExp(
      `^dev: opened ${escape(host.request(1))} into dev: (\\S+) \\((\\d+) added, 0 changed, 1 deleted\\)\\n$`,
    ).exec(published.stdout);
    expect(opened).not.toBeNull();
    const [request] = host.requests('gitops');
    expect(request).toMatchObject({
      number: 1,
      state: 'open',
      head: 'kalypso/dev',
      base: 'dev',
      title: 'Update manifests in dev',
      labels: host.labels ? ['promoted'] : [],
    });
    expect(request.body).toContain(ownershipMarker('dev'));
    const head = host.read('gitops', 'kalypso/dev');
    expect(head['.github/tracking/Promoted_Commit_Id']).toBe(promoted);
    expect(head['README.md']).toBe('# dev\n');
    expect(head['drone/retired-app/platform-config.yaml']).toBeUndefined();
    expect(Object.keys(head)).toHaveLength(Number(opened![2]) + 1);
    expect(await host.parents('gitops', host.tip('gitops', 'kalypso/dev')!)).toEqual([host.tip('gitops', 'dev')]);

    // 4. Run again: the same request already proposes this, and nothing is written.
    const before = host.writes().length;
    expect(await kalypso(publish)).toEqual({
      code: 0,
      stderr: '',
      stdout: `dev: ${host.request(1)} already proposes this: ${opened![1]}\n`,
    });
    expect(host.writes().slice(before)).toEqual([]);

    // 5. A reviewer merges it.
    const deployed = await host.merge('gitops', 1);
    expect(host.read('gitops', 'dev')).toEqual(head);

    // 6. Check: one cluster has posted success; the other does while the check waits. Stage is promoted after.
    await host.postFluxStatus('gitops', deployed, 'kustomization/drone/3f2a9c1e', true, 'reconciliation succeeded');
    let posted: Promise<void> | undefined;
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
      clock(async () => {
        posted ??= host.postFluxStatus(
          'gitops',
          deployed,
          'kustomization/large/77b0d2aa',
          true,
          'reconciliation succeeded',
        );
        await posted;
      }),
    );
    const stageCommit = host.tip('control-plane', 'stage')!;
    expect(check).toEqual({
      code: 0,
      stderr: [
        `kalypso check: dev: waiting up to 1m for commit statuses of ${host.repositoryName('gitops')} to apply dev@${deployed.slice(0, 12)}`,
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
    expect(host.statuses('control-plane', promoted)).toEqual([
      `dev environment: ${host.states.pending} Promoted`,
      `dev environment: ${host.states.pending} Deploying`,
      `dev environment: ${host.states.pending} Deployed`,
      `stage environment: ${host.states.pending} Promoted`,
    ]);
    expect(host.read('control-plane', 'stage')['base-repo.yaml']).toContain(`  commit: ${promoted}\n`);

    // 7. Publish stage, built from the promoted commit.
    await host.fetchInto('control-plane', clone, 'stage');
    const stage = await kalypso(['publish', ...cp, '--env', 'stage', '--source', APP_SOURCE]);
    expect(stage.code).toBe(0);
    expect(stage.stdout).toMatch(new RegExp(`^stage: opened ${escape(host.request(2))} into stage: `));
    // Stage rolls out in waves (docs/explanation/rollouts.md): its request carries the first wave and the tracking file;
    // the promoted commit moves with the last wave.
    const stageRequest = host.read('gitops', 'kalypso/stage');
    expect(JSON.parse(stageRequest['.github/kalypso/rollout.json'])).toMatchObject({
      wave: 0,
      change: { promotedCommit: promoted },
    });
    expect(stageRequest['.github/tracking/Promoted_Commit_Id']).toBeUndefined();

    // Nothing secret was printed, or sent in a URL or a body.
    for (const text of [promotion, published, check, stage].flatMap((run) => [run.stdout, run.stderr])) {
      expect(text).not.toContain(host.token);
    }
    expect(host.requestsContaining(host.token)).toEqual([]);
  });

  test('fails when a cluster posts failure: status "failure", and stage is not touched', async () => {
    const host = (fake = await start());
    const clone = await controlPlaneOn(host);
    const deployed = await host.seed('gitops', 'dev', { 'drone/README.md': 'x\n' });
    await host.postFluxStatus('gitops', deployed, 'kustomization/drone/3f2a9c1e', true, 'reconciliation succeeded');
    await host.postFluxStatus('gitops', deployed, 'kustomization/large/77b0d2aa', false, 'health check failed');
    const stageBefore = host.tip('control-plane', 'stage');

    const check = await runCliIsolated(
      [
        'check',
        '-c',
        clone.path,
        '--cache',
        temporaryFolder(),
        ...host.flags,
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
      { env: { [host.variable]: host.token }, services: host.services() },
    );

    expect(check).toEqual({
      code: 4,
      stderr: '',
      stdout: [
        `dev: dev@${deployed.slice(0, 12)} failed to deploy (1 of 2 clusters compliant)`,
        '  77b0d2aa: kustomization/large: health check failed',
        `dev: set status "dev environment" failure "Failed to deploy" on ${clone.main.slice(0, 12)} in ${host.repositoryName('control-plane')}`,
        '',
      ].join('\n'),
    });
    expect(host.statuses('control-plane', clone.main)).toEqual([
      `dev environment: ${host.states.pending} Deploying`,
      `dev environment: ${host.states.failure} Failed to deploy`,
    ]);
    expect(host.tip('control-plane', 'stage')).toBe(stageBefore);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
