import * as path from 'path';
import { FolderSource } from '../../../src/io/source/folder-source';
import { DEFAULT_LOAD_LIMITS } from '../../../src/core/model/limits';
import { LoadUsageError, loadControlPlane } from '../../../src/io/source/load';
import { formatProblem } from '../../../src/core/model/problems';
import { temporaryFolder, writeFiles } from '../../support/temp';

const environment = (name: string, branch = name) => `apiVersion: scheduler.kalypso.io/v1alpha1
kind: Environment
metadata: {name: ${name}}
spec: {controlPlane: {repo: https://example.com/cp, branch: ${branch}, path: .}}
`;

const registration = (repo: string, path = './workload') => `apiVersion: scheduler.kalypso.io/v1alpha1
kind: WorkloadRegistration
metadata: {name: app}
spec: {workload: {repo: "${repo}", branch: main, path: "${path}"}, workspace: team-a}
`;

const WORKLOAD = `apiVersion: scheduler.kalypso.io/v1alpha1
kind: Workload
metadata: {name: app}
spec:
  deploymentTargets: [{name: ft, environment: dev, manifests: {repo: https://example.com/app, branch: dev, path: ./ft}}]
`;

const CLUSTER_TYPE = `apiVersion: scheduler.kalypso.io/v1alpha1
kind: ClusterType
metadata: {name: drone}
spec: {reconciler: flux, namespaceService: default, configType: configmap}
`;

async function load(files: Record<string, string | Buffer>, options: Parameters<typeof loadControlPlane>[1] = {}) {
  const root = temporaryFolder();
  writeFiles(root, files);
  const result = await loadControlPlane(new FolderSource(root), options);
  return { ...result, root, lines: result.problems.map(formatProblem) };
}

describe('loadControlPlane', () => {
  test('takes the environments from the Environment objects on main, with their branches', async () => {
    const { model, lines } = await load({
      'main/.environments/dev.yaml': environment('dev', 'dev-branch'),
      'dev-branch/ct.yaml': CLUSTER_TYPE,
      'unrelated/x.yaml': CLUSTER_TYPE,
    });
    expect(lines).toEqual([]);
    expect(model.environments.map((e) => [e.name, e.branch, e.clusterTypes.map((ct) => ct.name)])).toEqual([
      ['dev', 'dev-branch', ['drone']],
    ]);
  });

  test('without Environment objects, every branch but main is an environment', async () => {
    const { model } = await load({
      'main/x.yaml': CLUSTER_TYPE,
      'stage/ct.yaml': CLUSTER_TYPE,
      'dev/ct.yaml': CLUSTER_TYPE,
    });
    expect(model.environments.map((e) => e.name)).toEqual(['dev', 'stage']);
  });

  test('gives each environment the objects of main and of its branch', async () => {
    const { model } = await load({
      'main/.environments/dev.yaml': environment('dev'),
      'main/ct.yaml': CLUSTER_TYPE.replace('drone', 'shared'),
      'dev/ct.yaml': CLUSTER_TYPE,
    });
    expect(model.environments[0].clusterTypes.map((ct) => ct.name)).toEqual(['shared', 'drone']);
  });

  test('fails on an environment whose branch does not exist', async () => {
    const { lines } = await load({ 'main/.environments/dev.yaml': environment('dev') });
    expect(lines).toEqual([
      'main/.environments/dev.yaml:4:53  Environment/dev  spec.controlPlane.branch  branch "dev" of environment "dev" does not exist',
    ]);
  });

  test('fails on a control plane without main', async () => {
    const { lines, root } = await load({ 'dev/ct.yaml': CLUSTER_TYPE });
    expect(lines).toEqual([`${root}  control plane has no "main" branch`]);
  });

  test('restricts to the environments asked for, and refuses unknown ones', async () => {
    const files = { 'main/x.yaml': '', 'dev/ct.yaml': CLUSTER_TYPE, 'stage/ct.yaml': CLUSTER_TYPE };
    expect((await load(files, { environments: ['stage'] })).model.environments.map((e) => e.name)).toEqual(['stage']);
    await expect(load(files, { environments: ['prod'] })).rejects.toThrow(
      new LoadUsageError('unknown environment "prod"; the control plane has "dev", "stage"'),
    );
  });

  test('does not read .github and honours .sourceignore', async () => {
    const { model, lines } = await load({
      'main/.github/workflows/ci.yaml': 'on: push\njobs: {}\n',
      'dev/.sourceignore': 'drafts/\n',
      'dev/drafts/ct.yaml': 'not: [valid',
      'dev/ct.yaml': CLUSTER_TYPE,
    });
    expect(lines).toEqual([]);
    expect(model.environments[0].clusterTypes).toHaveLength(1);
  });

  test('reads a registered workload from a folder of the control plane, with the registration workspace', async () => {
    const { model, lines } = await load({
      'main/.environments/dev.yaml': environment('dev'),
      'main/registration.yaml': registration('./apps/app'),
      'apps/app/workload/workload.yaml': WORKLOAD,
      'dev/ct.yaml': CLUSTER_TYPE,
    });
    expect(lines).toEqual([]);
    expect(model.environments[0].workloads).toEqual([expect.objectContaining({ name: 'app', workspace: 'team-a' })]);
  });

  test('reads a registered workload from a --source folder instead of its URL', async () => {
    const app = temporaryFolder();
    writeFiles(app, { 'workload/workload.yaml': WORKLOAD });
    const { model, lines } = await load(
      {
        'main/registration.yaml': registration('https://github.com/org/app.git'),
        'dev/ct.yaml': CLUSTER_TYPE,
      },
      { sources: new Map([['https://github.com/org/app', app]]) },
    );
    expect(lines).toEqual([]);
    expect(model.environments[0].workloads.map((w) => w.name)).toEqual(['app']);
  });

  test('reads a workload given as a single file', async () => {
    const { model } = await load({
      'main/.environments/dev.yaml': environment('dev'),
      'main/registration.yaml': registration('./app', './workload.yaml'),
      'app/workload.yaml': WORKLOAD,
      'dev/ct.yaml': CLUSTER_TYPE,
    });
    expect(model.environments[0].workloads.map((w) => w.name)).toEqual(['app']);
  });

  test.each([
    [
      'a URL with no local source',
      'https://github.com/org/app',
      './workload',
      'main/registration.yaml:1:1  WorkloadRegistration/app  spec.workload.repo  cannot read the workload: https://github.com/org/app is a remote repository; pass --source https://github.com/org/app=<local folder> to read it from disk',
    ],
    [
      'a local path outside the control plane',
      '../../etc',
      './workload',
      'main/registration.yaml:1:1  WorkloadRegistration/app  spec.workload.repo  cannot read the workload: "../../etc" is neither a repository URL nor a folder inside the control plane',
    ],
    [
      'a path leaving the repository folder',
      './app',
      '../../../etc',
      'main/registration.yaml:1:1  WorkloadRegistration/app  spec.workload.repo  cannot read the workload: path "../../../etc" leaves the repository folder',
    ],
    [
      'a path that does not exist',
      './app',
      './nothing',
      expect.stringMatching(
        /^main\/registration.yaml:1:1  WorkloadRegistration\/app  spec.workload.repo  cannot read the workload: ".\/nothing" does not exist in .*\/app$/,
      ),
    ],
  ])('fails on a registration with %s', async (_name, repo, workloadPath, expected) => {
    const { lines } = await load({
      'main/.environments/dev.yaml': environment('dev'),
      'main/registration.yaml': registration(repo, workloadPath),
      'app/x.yaml': WORKLOAD,
      'dev/ct.yaml': CLUSTER_TYPE,
    });
    expect(lines).toEqual([expected]);
  });

  test('takes only Workload objects from a workload repository', async () => {
    const { model, lines } = await load({
      'main/.environments/dev.yaml': environment('dev'),
      'main/registration.yaml': registration('./app'),
      'app/workload/workload.yaml': `${WORKLOAD}---\n${CLUSTER_TYPE.replace('drone', 'injected')}`,
      'dev/ct.yaml': CLUSTER_TYPE,
    });
    expect(lines).toEqual([
      './app/workload/workload.yaml:7:1  ClusterType/injected  ClusterType/injected is ignored: a registered workload repository contributes only Workload objects',
    ]);
    expect(model.environments[0].clusterTypes.map((ct) => ct.name)).toEqual(['drone']);
  });

  test('fails on a file that is not UTF-8, naming its line', async () => {
    const { lines } = await load({
      'main/x.yaml': Buffer.from([0x61, 0x3a, 0x20, 0x62, 0x0a, 0x63, 0x3a, 0x20, 0xff, 0x0a]),
      'dev/ct.yaml': CLUSTER_TYPE,
    });
    expect(lines).toEqual(['main/x.yaml:2:1  file is not UTF-8 text']);
  });

  test('fails on a file over the size limit without parsing it', async () => {
    const { lines } = await load(
      { 'main/big.yaml': `a: "${'x'.repeat(2048)}"\n`, 'dev/ct.yaml': CLUSTER_TYPE },
      { limits: { ...DEFAULT_LOAD_LIMITS, maxFileBytes: 1024 } },
    );
    expect(lines).toEqual(['main/big.yaml  file is 0.0 MiB; the limit is 0.0 MiB']);
  });

  test('reads the tutorial example', async () => {
    const { model, problems } = await loadControlPlane(
      new FolderSource(path.join(__dirname, '../../../examples/tutorial')),
    );
    expect(problems).toEqual([]);
    expect(model.environments.map((e) => [e.name, e.clusterTypes.length, e.workloads.length])).toEqual([
      ['dev', 4, 1],
      ['stage', 2, 1],
    ]);
  });
});
