/**
 * The tutorial, run as a reader runs it: every ```sh block of docs/tutorial/from-init-to-promotion.md, in order, in one
 * `bash -e` (so one failing command fails the test), starting in the repository root where the reader's clone is, with
 * a fresh HOME whose git configuration holds only a name and an e-mail address. Then the end state the tutorial
 * promises: the repositories, the published and merged trees, and the main commit promoted to both environments.
 *
 * To change the tutorial, edit the Markdown; this test needs a change only when the end state changes.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/cli';
import { git } from '../support/git';
import { temporaryFolder } from '../support/temp';
import { shellBlocks } from './markdown-blocks';

const TUTORIAL = 'docs/tutorial/from-init-to-promotion.md';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The Markdown line of the block that ran last. */
  readonly lastBlock: string;
  /** The folder the tutorial worked in (its `mktemp -d`). */
  readonly folder: string;
}

/** The tutorial's commands as one script; before each block it records the block's line, after all the folder. */
function tutorialScript(progressFile: string, endFile: string): string {
  const blocks = shellBlocks(fs.readFileSync(path.join(ROOT, TUTORIAL), 'utf8'));
  expect(blocks.length).toBeGreaterThan(10);
  const steps = blocks.map((block) => `echo ${block.line} > '${progressFile}'\n${block.code}`);
  return [...steps, `pwd > '${endFile}'`, ''].join('\n');
}

function runTutorial(): Promise<Run> {
  const scratch = temporaryFolder('kalypso-tutorial-');
  const home = path.join(scratch, 'home');
  const tmp = path.join(scratch, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  fs.mkdirSync(home);
  fs.writeFileSync(path.join(home, '.gitconfig'), '[user]\n\tname = Tutorial Reader\n\temail = reader@example.com\n');
  const progress = path.join(scratch, 'progress');
  const end = path.join(scratch, 'end');
  const script = path.join(scratch, 'tutorial.sh');
  fs.writeFileSync(script, tutorialScript(progress, end));
  // Only what a reader's shell has: PATH without this repository's bin, a HOME, a TMPDIR (here inside the scratch folder).
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    TMPDIR: tmp,
    LANG: 'C.UTF-8',
    GIT_CONFIG_NOSYSTEM: '1',
    NO_COLOR: '1',
  };
  return new Promise((resolve) => {
    const child = spawn('bash', ['-e', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '');
      resolve({ code, stdout, stderr, lastBlock: `${TUTORIAL}:${read(progress)}`, folder: read(end) });
    });
  });
}

/** The pids of the simulated clusters the tutorial started, from what `simulated-cluster.mjs start` printed. */
const simulatedClusterPids = (stdout: string) =>
  [...stdout.matchAll(/^simulated cluster .*, pid (\d+)$/gm)].map((match) => Number(match[1]));

/** Whether a process runs (a zombie, ended but not yet reaped by its new parent, does not). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  return !fs.existsSync(stat) || !/^\d+ \(.*\) Z/.test(fs.readFileSync(stat, 'utf8'));
}

/** Waits up to a second for a process to end after SIGTERM. */
async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 20 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('the tutorial', () => {
  let run: Run;
  let startedClusters: number[] = [];
  beforeAll(async () => {
    run = await runTutorial();
    if (process.env.KALYPSO_TUTORIAL_OUT) fs.writeFileSync(process.env.KALYPSO_TUTORIAL_OUT, run.stdout + run.stderr);
  }, 300_000);
  afterAll(() => {
    for (const pid of startedClusters.filter(isRunning)) process.kill(pid, 'SIGTERM');
  });

  const repository = (name: string) => path.join(run.folder, name);
  const branches = (name: string) =>
    git(['--git-dir', repository(name), 'for-each-ref', '--format=%(refname:short)', 'refs/heads']).split('\n');
  const show = (name: string, object: string) => git(['--git-dir', repository(name), 'show', object]);
  const files = (name: string, branch: string) =>
    git(['--git-dir', repository(name), 'ls-tree', '-r', '--name-only', branch]).split('\n');

  test('runs every command as written, from a clone of this repository, without a failure or a warning', async () => {
    startedClusters = simulatedClusterPids(run.stdout);
    if (run.code !== 0) {
      throw new Error(
        `the tutorial failed (exit ${run.code}) in the block at ${run.lastBlock}\n--- stderr\n${run.stderr}\n--- stdout\n${run.stdout}`,
      );
    }
    expect(run.stderr.split('\n').filter((line) => /^(warning|error|fatal|hint)\b/i.test(line))).toEqual([]);
    // The scratch folder is the one mktemp made; the four clusters it started were stopped at the end.
    expect(path.basename(run.folder)).toMatch(/^tmp\./);
    expect(startedClusters).toHaveLength(4);
    await waitFor(() => !startedClusters.some(isRunning));
    expect(startedClusters.filter(isRunning)).toEqual([]);
  });

  test('leaves the control plane in git: main and one branch per environment, prod pinned to main', () => {
    expect(branches('control-plane.git').sort()).toEqual(['dev', 'main', 'prod']);
    const main = git(['--git-dir', repository('control-plane.git'), 'rev-parse', 'main']);
    for (const environment of ['dev', 'prod']) {
      expect(show('control-plane.git', `${environment}:base-repo.yaml`)).toMatch(new RegExp(`\\n  commit: ${main}$`));
    }
    expect(files('control-plane.git', 'main')).toEqual([
      '.environments/dev.yaml',
      '.environments/prod.yaml',
      'workloads/hello-app.yaml',
    ]);
    expect(show('control-plane.git', 'main:workloads/hello-app.yaml')).toContain(
      `repo: file://${repository('hello-app.git')}\n`,
    );
  });

  test('leaves each environment branch of the platform GitOps repository with the merged proposal and the promoted commit', () => {
    expect(branches('platform-gitops.git').sort()).toEqual([
      'dev',
      'kalypso-revert/prod',
      'kalypso/dev',
      'kalypso/prod',
      'prod',
    ]);
    const main = git(['--git-dir', repository('control-plane.git'), 'rev-parse', 'main']);
    expect(files('platform-gitops.git', 'dev')).toEqual([
      '.github/kalypso/control-plane.json',
      '.github/tracking/Promoted_Commit_Id',
      'README.md',
      'large/README.md',
      'small/README.md',
      'small/hello-app-test/namespace.yaml',
      'small/hello-app-test/platform-config.yaml',
      'small/hello-app-test/reconciler.yaml',
    ]);
    expect(files('platform-gitops.git', 'prod')).toEqual([
      '.github/kalypso/control-plane.json',
      '.github/kalypso/rollout.json',
      '.github/tracking/Promoted_Commit_Id',
      'README.md',
      'drone/README.md',
      'drone/hello-app-prod/namespace.yaml',
      'drone/hello-app-prod/platform-config.yaml',
      'drone/hello-app-prod/reconciler.yaml',
      'large/README.md',
      'large/hello-app-prod/namespace.yaml',
      'large/hello-app-prod/platform-config.yaml',
      'large/hello-app-prod/reconciler.yaml',
    ]);
    // The edit of section 4 reached dev, and only dev.
    expect(show('platform-gitops.git', 'dev:small/hello-app-test/platform-config.yaml')).toContain(
      'NEW_CHECKOUT: enabled',
    );
    expect(show('platform-gitops.git', 'prod:large/hello-app-prod/platform-config.yaml')).not.toContain('NEW_CHECKOUT');
    for (const [environment, proposal] of [
      ['dev', 'kalypso/dev'],
      ['prod', 'kalypso-revert/prod'],
    ]) {
      expect(show('platform-gitops.git', `${environment}:.github/tracking/Promoted_Commit_Id`)).toBe(main);
      // Each branch's head is a merge of its last proposal: kalypso/dev, and prod's revert of its failed wave.
      const parents = git(['--git-dir', repository('platform-gitops.git'), 'rev-parse', `${environment}^@`]).split(
        '\n',
      );
      expect(parents).toHaveLength(2);
      expect(parents[1]).toBe(git(['--git-dir', repository('platform-gitops.git'), 'rev-parse', proposal]));
    }
    // Section 12: prod's first change rolled through both waves; the second failed in its first wave and was
    // reverted there, and never reached large.
    const logLevel = (file: string) => /LOG_LEVEL: (\w+)/.exec(show('platform-gitops.git', `prod:${file}`))?.[1];
    expect(logLevel('drone/hello-app-prod/platform-config.yaml')).toBe('warn');
    expect(logLevel('large/hello-app-prod/platform-config.yaml')).toBe('warn');
    expect(logLevel('drone/hello-app-prod/platform-config.yaml')).not.toBe('error');
    expect(JSON.parse(show('platform-gitops.git', 'prod:.github/kalypso/rollout.json'))).toMatchObject({
      environment: 'prod',
      policy: 'prod-rollout',
      status: 'failed',
      wave: 0,
      waves: [
        { name: 'edge', clusterTypes: ['drone'] },
        { name: 'everything-else', clusterTypes: ['large'] },
      ],
    });
    expect(show('platform-gitops.git', 'kalypso/prod:drone/hello-app-prod/platform-config.yaml')).toContain(
      'LOG_LEVEL: error',
    );
  });
});
