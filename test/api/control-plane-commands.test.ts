import * as fs from 'fs';
import * as path from 'path';
import { ClusterType, ControlPlane, Environment, PlatformConfig, SchedulingPolicy, Workload } from '../../src/api';
import { ApiObject } from 'cdk8s';
import { IReconciler } from '../../src/render/constructs/renderer';
import { diffControlPlane, explainControlPlane, publishControlPlane } from '../../src/api/control-plane-commands';
import { KalypsoApp } from '../../src/api/kalypso-app';
import { runCli, runCliIsolated } from '../support/cli';
import { ISOLATED_GIT_ENV, createBareRepository, git } from '../support/git';
import { temporaryFolder } from '../support/temp';
import { TUTORIAL, tutorialCopy } from '../support/tutorial';

describe('explain, diff and publish from code', () => {
  test('explainControlPlane gives what kalypso explain --json prints, matrix and target alike', async () => {
    const tutorial = await ControlPlane.fromFolder(new KalypsoApp(), 'Tutorial', TUTORIAL);
    const matrix = await runCli(['explain', '-c', TUTORIAL, '--json']);
    expect(explainControlPlane(tutorial)).toEqual(JSON.parse(matrix.stdout));
    const target = await runCli([
      'explain',
      '-c',
      TUTORIAL,
      '--json',
      '--target',
      'hello-world-app-functional-test',
      '--cluster-type',
      'drone',
    ]);
    expect(
      explainControlPlane(tutorial, { targets: ['hello-world-app-functional-test'], clusterTypes: ['drone'] }),
    ).toEqual(JSON.parse(target.stdout));
  });

  test('diffControlPlane gives what kalypso diff --json prints', async () => {
    // GIVEN a tree synthesized from a copy of the tutorial whose dev config then changed
    const copy = tutorialCopy();
    const out = temporaryFolder();
    expect((await runCli(['synth', '-c', copy, '-o', out])).code).toBe(0);
    const config = path.join(copy, 'dev/configs/dev-config.yaml');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('ENVIRONMENT: Dev', 'ENVIRONMENT: Development'));
    // WHEN the changed control plane is compared with that tree, from code and from the command line
    const changed = await ControlPlane.fromFolder(new KalypsoApp(), 'Tutorial', copy);
    const fromCode = await diffControlPlane(changed, { out });
    const cli = await runCli(['diff', '-c', copy, '--against', out, '--json']);
    // THEN both say the same, and name the changed value
    expect(fromCode).toEqual(JSON.parse(cli.stdout));
    expect(fromCode.equal).toBe(false);
    expect(JSON.stringify(fromCode)).toContain('Development');
  });

  test('publishControlPlane pushes each environment to its GitOps repository, as kalypso publish --push does', async () => {
    // GIVEN a control plane written in code whose GitOpsRepo is a local bare repository with a dev branch
    const gitops = createBareRepository('gitops.git');
    const seed = temporaryFolder();
    git(['init', '--quiet', '--initial-branch=dev', seed]);
    git(['commit', '--quiet', '--allow-empty', '-m', 'start'], { cwd: seed });
    git(['push', '--quiet', gitops.path, 'dev'], { cwd: seed });
    const app = new KalypsoApp();
    const platform = new ControlPlane(app, 'Platform');
    const dev = new Environment(platform, 'dev', { gitOpsRepo: { repo: gitops.path } });
    new ClusterType(dev, 'large', { labels: { size: 'large' } });
    new SchedulingPolicy(dev, 'all');
    new Workload(platform, 'app', {
      deploymentTargets: [
        { name: 'test', environment: dev, manifests: { repo: 'https://github.com/org/app', branch: 'dev', path: '.' } },
      ],
    });
    const env = { ...process.env, ...ISOLATED_GIT_ENV, GITHUB_TOKEN: undefined };
    // WHEN it is published from code, and then again
    const first = await publishControlPlane(platform, { push: true, env });
    const again = await publishControlPlane(platform, { push: true, env });
    // THEN the branch kalypso/dev holds the tree, and the second run changes nothing
    expect(git(['ls-tree', '-r', '--name-only', 'kalypso/dev'], { cwd: gitops.path }).split('\n')).toEqual([
      '.github/kalypso/control-plane.json',
      'large/README.md',
      'large/app-test/namespace.yaml',
      'large/app-test/reconciler.yaml',
    ]);
    expect(JSON.stringify(first)).toContain('kalypso/dev');
    expect(first.environments[0].outcome).toMatchObject({ kind: 'push', action: 'pushed', branch: 'kalypso/dev' });
    expect(again.environments[0].outcome).toMatchObject({ action: 'up-to-date' });
    // AND the command line reports the same shape for the same control plane written as YAML
    const keys = (value: object) => Object.keys(value).sort();
    const cli = await runCliIsolated([
      'publish',
      '-c',
      TUTORIAL,
      '--push',
      '--dry-run',
      '--json',
      '--env',
      'dev',
      '--repo',
      gitops.path,
      '--branch',
      'dev',
    ]);
    expect(keys(JSON.parse(cli.stdout))).toEqual(keys(first));
  });

  test('publishControlPlane compares with the objects the branch records, planned with the renderers registered in code', async () => {
    // GIVEN a control plane in code whose cluster type names a reconciler registered in code, published once
    const gitops = createBareRepository('gitops.git');
    const seed = temporaryFolder();
    git(['init', '--quiet', '--initial-branch=dev', seed]);
    git(['commit', '--quiet', '--allow-empty', '-m', 'start'], { cwd: seed });
    git(['push', '--quiet', gitops.path, 'dev'], { cwd: seed });
    const define = (logLevel?: string) => {
      const platform = new ControlPlane(new KalypsoApp(), 'Platform');
      const marker: IReconciler = {
        render: (scope, context) => {
          new ApiObject(scope, 'marker', {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: `${context.deploymentTarget.name}-marker`, namespace: 'default' },
          });
        },
      };
      platform.addReconciler('marker', marker);
      const dev = new Environment(platform, 'dev', { gitOpsRepo: { repo: gitops.path } });
      new ClusterType(dev, 'large', { labels: { size: 'large' }, reconciler: 'marker' });
      new SchedulingPolicy(dev, 'all');
      if (logLevel) new PlatformConfig(dev, 'logging', { data: { LOG_LEVEL: logLevel } });
      new Workload(platform, 'app', {
        deploymentTargets: [
          {
            name: 'test',
            environment: dev,
            manifests: { repo: 'https://github.com/org/app', branch: 'dev', path: '.' },
          },
        ],
      });
      return platform;
    };
    const env = { ...process.env, ...ISOLATED_GIT_ENV, GITHUB_TOKEN: undefined };
    await publishControlPlane(define(), { push: true, direct: true, env });
    // WHEN a platform ConfigMap is added and the change is published as a dry run
    const next = await publishControlPlane(define('debug'), { push: true, direct: true, dryRun: true, env });
    // THEN the report names the ConfigMap as the cause, compared with the recorded objects, not the tree alone
    const [{ body }] = next.environments;
    expect(body).toContain('logging');
    expect(body).toContain('LOG_LEVEL');
    expect(body).not.toContain('failed to render before');
    expect(body).not.toMatch(/cause unknown/i);
  });
});
