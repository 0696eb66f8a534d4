import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { load } from 'js-yaml';
import { CHECK } from '../../src/cli/commands/check';
import { PROMOTE } from '../../src/cli/commands/promote';
import { PUBLISH } from '../../src/cli/commands/publish';
import { ROLLOUT } from '../../src/cli/commands/rollout';
import { commandHelp } from '../../src/cli/help/help-text';
import { ROOT } from '../support/cli';
import { commitFiles, createBareRepository, git } from '../support/git';
import { temporaryFolder } from '../support/temp';

const FOLDER = path.join(ROOT, 'examples/github-workflows');
interface Step {
  run?: string;
  env?: Record<string, string>;
  uses?: string;
}
interface Workflow {
  on: { push: { branches: string[] }; schedule?: { cron: string }[] };
  jobs: Record<string, { environment?: string; steps: Step[] }>;
}
const read = (file: string) => load(fs.readFileSync(path.join(FOLDER, file), 'utf8')) as Workflow;
const kalypsoStep = (workflow: Workflow) =>
  Object.values(workflow.jobs)[0].steps.find((step) => step.run?.includes('kalypso "${args[@]}"'))!;

describe('the promotion workflows', () => {
  test.each([
    ['kalypso-promote.yaml', ['main'], commandHelp(PROMOTE), 'promote', '${{ secrets.CONTROL_PLANE_TOKEN }}'],
    [
      'kalypso-publish.yaml',
      ['main', 'dev', 'stage'],
      commandHelp(PUBLISH),
      'publish',
      '${{ secrets.GITOPS_REPO_TOKEN }}',
    ],
    ['kalypso-check-promote.yaml', ['dev', 'stage'], commandHelp(CHECK), 'check', '${{ secrets.CONTROL_PLANE_TOKEN }}'],
  ])(
    '%s runs on pushes to %j, only with the CLI, flags it has and the token from a secret',
    (file, branches, help, command, token) => {
      const workflow = read(file);
      expect(workflow.on.push.branches).toEqual(branches);
      const step = kalypsoStep(workflow);
      expect(step.env?.GITHUB_TOKEN).toBe(token);
      expect(step.run).toContain(`(${command} --`);
      const text = fs.readFileSync(path.join(FOLDER, file), 'utf8');
      const flags = [...new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]+/g)].map((match) => match[0]))].filter(
        (flag) => flag !== '--global',
      );
      expect(flags.filter((flag) => !help.includes(`${flag} `) && !help.includes(`${flag}\n`))).toEqual([]);
      const actions = Object.values(workflow.jobs)
        .flatMap((job) => job.steps)
        .flatMap((s) => (s.uses ? [s.uses.split('@')[0]] : []));
      expect(
        actions.every((action) => ['actions/checkout', 'actions/setup-node', 'actions/cache'].includes(action)),
      ).toBe(true);
    },
  );

  /** Runs the check workflow's script in a GitOps clone with a stand-in `kalypso` that prints its arguments. */
  function checkArguments(
    files: { before: Record<string, string>; after: Record<string, string> },
    vars: Record<string, string> = {},
  ): string[] {
    const gitops = createBareRepository('gitops.git');
    const before = commitFiles(gitops, 'dev', files.before);
    const after = commitFiles(gitops, 'dev', files.after);
    const clone = path.join(temporaryFolder(), 'clone');
    git(['clone', '--quiet', '--branch', 'dev', gitops.path, clone]);
    const bin = temporaryFolder();
    fs.writeFileSync(path.join(bin, 'kalypso'), '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n', {
      mode: 0o755,
    });
    const runner = temporaryFolder();
    const result = spawnSync('bash', ['-e', '-c', kalypsoStep(read('kalypso-check-promote.yaml')).run!], {
      cwd: clone,
      encoding: 'utf8',
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        HOME: process.env.HOME,
        GITHUB_SHA: after,
        BEFORE: before,
        REF_NAME: 'dev',
        RUNNER_TEMP: runner,
        CONTROL_PLANE_REPO: 'org/control-plane',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        ...vars,
      },
    });
    expect(result.stderr).toBe('');
    return result.stdout
      .split('\n')
      .filter(Boolean)
      .map((arg) => arg.replace(after, '<sha>').replace(runner, '<runner>'));
  }

  const MAIN_1 = '1'.repeat(40);
  const MAIN_2 = '2'.repeat(40);
  const tracking = (commit: string) => ({ '.github/tracking/Promoted_Commit_Id': commit, 'drone/README.md': 'x' });

  test('the check workflow passes --promoted when the merge moved Promoted_Commit_Id, and asks the clusters of the environment', () => {
    expect(
      checkArguments(
        { before: tracking(MAIN_1), after: tracking(MAIN_2) },
        {
          KALYPSO_CONTEXTS: 'drone-1 large-1',
          KUBECONFIG_DATA: 'apiVersion: v1\n',
          NEXT_ENVIRONMENT: 'stage',
        },
      ),
    ).toEqual([
      'check',
      '--control-plane',
      'https://github.com/org/control-plane',
      '--env',
      'dev',
      '--commit',
      '<sha>',
      '--timeout',
      '10m',
      '--promoted',
      MAIN_2,
      '--next',
      'stage',
      '--kubeconfig',
      '<runner>/kubeconfig',
      '--context',
      'drone-1',
      '--context',
      'large-1',
    ]);
  });

  test("the check workflow only waits (no --promoted) for a merge that changed the environment's configuration only", () => {
    expect(
      checkArguments(
        { before: tracking(MAIN_1), after: { ...tracking(MAIN_1), 'drone/README.md': 'y' } },
        {
          KALYPSO_EXPECT_CLUSTERS: '0c9c2e41 77aa0b12',
          KALYPSO_TIMEOUT: '1h',
          KALYPSO_ENVIRONMENT: 'development',
        },
      ),
    ).toEqual([
      'check',
      '--control-plane',
      'https://github.com/org/control-plane',
      '--env',
      'development',
      '--commit',
      '<sha>',
      '--timeout',
      '1h',
      '--expect-cluster',
      '0c9c2e41',
      '--expect-cluster',
      '77aa0b12',
    ]);
  });

  /** Runs the rollout workflow's script in a GitOps clone with a stand-in `kalypso` that prints its arguments. */
  function rolloutArguments(stage: Record<string, string>, vars: Record<string, string>): string[] {
    const gitops = createBareRepository('gitops.git');
    commitFiles(gitops, 'main', { 'README.md': '# gitops\n' });
    commitFiles(gitops, 'stage', stage);
    const clone = path.join(temporaryFolder(), 'clone');
    git(['clone', '--quiet', '--branch', 'main', gitops.path, clone]);
    const bin = temporaryFolder();
    fs.writeFileSync(path.join(bin, 'kalypso'), '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n', {
      mode: 0o755,
    });
    const runner = temporaryFolder();
    const result = spawnSync('bash', ['-e', '-c', kalypsoStep(read('kalypso-rollout.yaml')).run!], {
      cwd: clone,
      encoding: 'utf8',
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        HOME: process.env.HOME,
        RUNNER_TEMP: runner,
        CONTROL_PLANE_REPO: 'org/control-plane',
        ENVIRONMENT: 'stage',
        ACTOR: 'alice',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        ...vars,
      },
    });
    expect(result.stderr).toBe('');
    return result.stdout
      .split('\n')
      .filter(Boolean)
      .map((arg) => arg.replace(runner, '<runner>'));
  }

  test('the rollout workflow runs on a schedule with the CLI only, flags rollout has and the token from a secret', () => {
    const workflow = read('kalypso-rollout.yaml');
    expect(workflow.on.schedule).toEqual([{ cron: '*/15 * * * *' }]);
    const step = kalypsoStep(workflow);
    expect(step.env?.GITHUB_TOKEN).toBe('${{ secrets.CONTROL_PLANE_TOKEN }}');
    const help = commandHelp(ROLLOUT);
    const text = fs.readFileSync(path.join(FOLDER, 'kalypso-rollout.yaml'), 'utf8');
    const flags = [...new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]+/g)].map((match) => match[0]))].filter(
      (flag) => !['--global', '--quiet', '--depth'].includes(flag),
    );
    expect(flags.filter((flag) => !help.includes(`${flag} `) && !help.includes(`${flag}\n`))).toEqual([]);
  });

  test('the rollout workflow advances with the main commit the rollout carries, asking the clusters', () => {
    const state = JSON.stringify({ change: { digest: 'sha256:0', promotedCommit: MAIN_2 } });
    expect(
      rolloutArguments(
        { '.github/kalypso/rollout.json': state },
        { ACTION: 'advance', KALYPSO_CONTEXTS: 'drone-1 large-1', KUBECONFIG_DATA: 'apiVersion: v1\n' },
      ),
    ).toEqual([
      'rollout',
      'advance',
      '--control-plane',
      'https://github.com/org/control-plane',
      '--env',
      'stage',
      '--promoted',
      MAIN_2,
      '--kubeconfig',
      '<runner>/kubeconfig',
      '--context',
      'drone-1',
      '--context',
      'large-1',
    ]);
  });

  test('the rollout workflow run by hand approves the published wave as the user who ran it', () => {
    expect(rolloutArguments({ 'README.md': 'x' }, { ACTION: 'approve' })).toEqual([
      'rollout',
      'approve',
      '--control-plane',
      'https://github.com/org/control-plane',
      '--env',
      'stage',
      '--by',
      'alice',
    ]);
  });
});
