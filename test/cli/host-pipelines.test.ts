/**
 * The GitLab CI and Azure Pipelines files of `examples/`: each runs promote, publish and check with the CLI only,
 * installs kalypso-cdk8s from what a user can get (never from the npm registry), and the command lines its scripts
 * build — run here with a stand-in `kalypso` that prints its arguments — are ones the commands parse.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { load } from 'js-yaml';
import { hostSelection } from '../../src/app/setup/host-access';
import { COMMANDS } from '../../src/cli/commands/all-commands';
import { checkRequired, parseFlags } from '../../src/cli/flags/parse-flags';
import { ROOT } from '../support/cli';
import { commitFiles, createBareRepository, git } from '../support/git';
import { temporaryFolder } from '../support/temp';

const GITLAB = path.join(ROOT, 'examples/gitlab-ci/.gitlab-ci.yml');
const AZURE = path.join(ROOT, 'examples/azure-pipelines/azure-pipelines.yml');
const MAIN_1 = '1'.repeat(40);
const MAIN_2 = '2'.repeat(40);

interface GitLabJob {
  stage?: string;
  extends?: string;
  rules?: { if: string }[];
  script?: string[];
}
interface AzureStep {
  bash?: string;
  checkout?: string;
  env?: Record<string, string>;
}
interface AzurePipeline {
  stages: { stage: string; condition: string; jobs: { steps: AzureStep[] }[] }[];
}

const gitlab = () => load(fs.readFileSync(GITLAB, 'utf8')) as Record<string, unknown>;
const azure = () => load(fs.readFileSync(AZURE, 'utf8')) as AzurePipeline;
const gitlabScript = (job: string) => ((gitlab()[job] as GitLabJob).script ?? []).join('\n');
const azureScript = (stage: string) =>
  azure()
    .stages.find((s) => s.stage === stage)!
    .jobs.flatMap((job) => job.steps)
    .map((step) => step.bash ?? '')
    .find((script) => /\bkalypso\s/.test(script.replace(/npm install[^\n]*/g, '')))!;

/**
 * Runs a script with a stand-in `kalypso` printing its arguments, one per line, in `cwd`, and returns them; the
 * arguments are then parsed as the command parses them, and its host flags checked.
 */
function kalypsoArguments(script: string, env: Record<string, string>, cwd = temporaryFolder()): string[] {
  const bin = temporaryFolder();
  fs.writeFileSync(path.join(bin, 'kalypso'), '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n', {
    mode: 0o755,
  });
  const result = spawnSync('bash', ['-e', '-c', script], {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: process.env.HOME,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      ...env,
    },
  });
  expect(result.stderr).toBe('');
  const args = result.stdout.split('\n').filter(Boolean);
  const command = COMMANDS.find((candidate) => candidate.name === args[0]);
  expect(command).toBeDefined();
  const parsed = parseFlags(args.slice(1), command!.flags);
  checkRequired(command!.flags, parsed.flags);
  hostSelection(parsed.flags as { host?: string; apiUrl?: string });
  return args;
}

/** A clone of a GitOps branch whose last merge changed Promoted_Commit_Id (or not). */
function gitopsClone(promotes: boolean): { clone: string; before: string; after: string } {
  const tracking = (commit: string) => ({ '.github/tracking/Promoted_Commit_Id': commit, 'drone/README.md': 'x' });
  const gitops = createBareRepository('gitops.git');
  const before = commitFiles(gitops, 'dev', tracking(MAIN_1));
  const after = commitFiles(
    gitops,
    'dev',
    promotes ? tracking(MAIN_2) : { ...tracking(MAIN_1), 'drone/README.md': 'y' },
  );
  const clone = path.join(temporaryFolder(), 'clone');
  git(['clone', '--quiet', '--branch', 'dev', gitops.path, clone]);
  return { clone, before, after };
}

describe('the pipelines for GitLab and Azure DevOps', () => {
  test.each([GITLAB, AZURE])(
    '%s installs kalypso-cdk8s from the tarball or git URL a variable names, never from the registry',
    (file) => {
      const text = fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('#'))
        .join('\n');
      const installs = [...text.matchAll(/npm install[^\n]*/g)].map((match) => match[0]);
      expect(installs.length).toBeGreaterThan(0);
      for (const install of installs) expect(install).toMatch(/^npm install --global "\$\{KALYPSO_CDK8S:\?/);
      // A registry name as the package spec: `npm install -g kalypso-cdk8s`, `npx kalypso-cdk8s@1 …`.
      expect(text).not.toMatch(/(npm (install|i)|npx)(\s+-\S+)*\s+["']?kalypso-cdk8s(@[^\s"']*)?["']?(\s|$)/m);
      for (const command of ['promote', 'publish', 'check'])
        expect(text).toMatch(new RegExp(`\\(${command} --|kalypso ${command} --`));
    },
  );

  test('GitLab: promote and publish run in the control-plane project only, check in the GitOps project only', () => {
    const jobs = gitlab() as Record<string, GitLabJob>;
    expect(Object.keys(jobs).filter((name) => name.startsWith('kalypso-'))).toEqual([
      'kalypso-promote',
      'kalypso-publish',
      'kalypso-check',
    ]);
    expect(jobs['kalypso-promote'].rules?.[0].if).toContain('$CI_PROJECT_PATH == $CONTROL_PLANE_PROJECT');
    expect(jobs['kalypso-promote'].rules?.[0].if).toContain('$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH');
    expect(jobs['kalypso-publish'].rules?.[0].if).toContain('$CI_PROJECT_PATH == $CONTROL_PLANE_PROJECT');
    expect(jobs['kalypso-check'].rules?.[0].if).toContain('$CI_PROJECT_PATH != $CONTROL_PLANE_PROJECT');
  });

  const GITLAB_ENV = {
    CI_SERVER_URL: 'https://gitlab.example.com',
    KALYPSO_CONTROL_PLANE: 'https://gitlab.example.com/platform/control-plane',
    CI_DEFAULT_BRANCH: 'main',
  };

  test('GitLab: promote pins the pushed commit through the API of the instance', () => {
    expect(kalypsoArguments(gitlabScript('kalypso-promote'), { ...GITLAB_ENV, CI_COMMIT_SHA: MAIN_2 })).toEqual([
      'promote',
      '--control-plane',
      'https://gitlab.example.com/platform/control-plane',
      '--host',
      'gitlab',
      '--api-url',
      'https://gitlab.example.com',
      '--commit',
      MAIN_2,
    ]);
  });

  test.each([
    ['main', []],
    ['dev', ['--env', 'dev']],
  ])('GitLab: publish on a push to %s', (branch, env) => {
    expect(kalypsoArguments(gitlabScript('kalypso-publish'), { ...GITLAB_ENV, CI_COMMIT_BRANCH: branch })).toEqual([
      'publish',
      '--control-plane',
      'https://gitlab.example.com/platform/control-plane',
      '--host',
      'gitlab',
      '--api-url',
      'https://gitlab.example.com',
      ...env,
    ]);
  });

  test('GitLab: check passes --promoted when the merge moved Promoted_Commit_Id, and the expected clusters', () => {
    const { clone, before, after } = gitopsClone(true);
    const args = kalypsoArguments(
      gitlabScript('kalypso-check'),
      {
        ...GITLAB_ENV,
        CI_COMMIT_BRANCH: 'dev',
        CI_COMMIT_SHA: after,
        CI_COMMIT_BEFORE_SHA: before,
        KALYPSO_EXPECT_CLUSTERS: '3f2a9c1e 77b0d2aa',
        NEXT_ENVIRONMENT: 'stage',
      },
      clone,
    );
    expect(args).toEqual([
      'check',
      '--control-plane',
      'https://gitlab.example.com/platform/control-plane',
      '--host',
      'gitlab',
      '--api-url',
      'https://gitlab.example.com',
      '--env',
      'dev',
      '--commit',
      after,
      '--timeout',
      '10m',
      '--promoted',
      MAIN_2,
      '--next',
      'stage',
      '--expect-cluster',
      '3f2a9c1e',
      '--expect-cluster',
      '77b0d2aa',
    ]);
  });

  test("GitLab: check only waits for a merge that changed the environment's configuration, asking the clusters", () => {
    const { clone, before, after } = gitopsClone(false);
    const args = kalypsoArguments(
      gitlabScript('kalypso-check'),
      {
        ...GITLAB_ENV,
        CI_COMMIT_BRANCH: 'dev',
        CI_COMMIT_SHA: after,
        CI_COMMIT_BEFORE_SHA: before,
        KALYPSO_CONTEXTS: 'drone-1 large-1',
        KALYPSO_KUBECONFIG: '/builds/tmp/KALYPSO_KUBECONFIG',
        KALYPSO_TIMEOUT: '1h',
        KALYPSO_ENVIRONMENT: 'development',
      },
      clone,
    );
    expect(args).not.toContain('--promoted');
    expect(args.slice(7)).toEqual([
      '--env',
      'development',
      '--commit',
      after,
      '--timeout',
      '1h',
      '--kubeconfig',
      '/builds/tmp/KALYPSO_KUBECONFIG',
      '--context',
      'drone-1',
      '--context',
      'large-1',
    ]);
  });

  test('Azure Pipelines: promote and publish run for the control-plane repository only, check for the others; the job token is passed', () => {
    const stages = azure().stages;
    expect(stages.map((stage) => stage.stage)).toEqual(['promote', 'publish', 'check']);
    const condition = (name: string) => stages.find((stage) => stage.stage === name)!.condition.replace(/\s+/g, ' ');
    expect(condition('promote')).toContain("eq(variables['Build.Repository.Name'], variables['CONTROL_PLANE_REPO'])");
    expect(condition('promote')).toContain("eq(variables['Build.SourceBranch'], 'refs/heads/main')");
    expect(condition('publish')).toContain("eq(variables['Build.Repository.Name'], variables['CONTROL_PLANE_REPO'])");
    expect(condition('check')).toContain("ne(variables['Build.Repository.Name'], variables['CONTROL_PLANE_REPO'])");
    for (const stage of stages) {
      const kalypsoStep = stage.jobs[0].steps.find((step) => step.bash && !step.bash.startsWith('npm install'))!;
      expect(kalypsoStep.env).toEqual({ SYSTEM_ACCESSTOKEN: '$(System.AccessToken)' });
    }
  });

  const AZURE_ENV = {
    SYSTEM_COLLECTIONURI: 'https://dev.azure.com/org/',
    CONTROL_PLANE_URL: 'https://dev.azure.com/org/platform/_git/control-plane',
  };
  const AZURE_HOST = ['--host', 'azure-devops', '--api-url', 'https://dev.azure.com/org/'];

  test('Azure Pipelines: promote, and publish on a push to main and to an environment branch', () => {
    expect(kalypsoArguments(azureScript('promote'), { ...AZURE_ENV, BUILD_SOURCEVERSION: MAIN_2 })).toEqual([
      'promote',
      '--control-plane',
      AZURE_ENV.CONTROL_PLANE_URL,
      ...AZURE_HOST,
      '--commit',
      MAIN_2,
    ]);
    expect(kalypsoArguments(azureScript('publish'), { ...AZURE_ENV, BUILD_SOURCEBRANCH: 'refs/heads/main' })).toEqual([
      'publish',
      '--control-plane',
      AZURE_ENV.CONTROL_PLANE_URL,
      ...AZURE_HOST,
    ]);
    expect(
      kalypsoArguments(azureScript('publish'), { ...AZURE_ENV, BUILD_SOURCEBRANCH: 'refs/heads/release/eu' }),
    ).toEqual(['publish', '--control-plane', AZURE_ENV.CONTROL_PLANE_URL, ...AZURE_HOST, '--env', 'release/eu']);
  });

  test.each([
    [true, ['--promoted', MAIN_2, '--expect-cluster', '3f2a9c1e', '--expect-cluster', '77b0d2aa']],
    [false, ['--expect-cluster', '3f2a9c1e', '--expect-cluster', '77b0d2aa']],
  ])('Azure Pipelines: check (the merge promotes: %s) reads the clusters of its environment', (promotes, rest) => {
    const { clone, after } = gitopsClone(promotes);
    const args = kalypsoArguments(
      azureScript('check'),
      {
        ...AZURE_ENV,
        BUILD_SOURCEBRANCH: 'refs/heads/dev',
        BUILD_SOURCEVERSION: after,
        KALYPSO_EXPECT_CLUSTERS: 'dev=3f2a9c1e stage=0c9c2e41 dev=77b0d2aa',
      },
      clone,
    );
    expect(args).toEqual([
      'check',
      '--control-plane',
      AZURE_ENV.CONTROL_PLANE_URL,
      ...AZURE_HOST,
      '--env',
      'dev',
      '--commit',
      after,
      '--timeout',
      '10m',
      ...rest,
    ]);
  });
});
