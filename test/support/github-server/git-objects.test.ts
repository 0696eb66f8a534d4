import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compareTreeEntries } from './git-store';
import { createTestOctokit, GitHubServer, startGitHubServer, TestOctokit } from '.';

const OWNER = 'org';
const REPO = 'gitops';

/** A scratch repository for the real `git` binary, isolated from the user's configuration. */
class RealGit {
  public readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-github-git-'));
  private readonly env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: this.dir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(this.dir, 'gitconfig'),
    GIT_DIR: path.join(this.dir, 'repo.git'),
    GIT_INDEX_FILE: path.join(this.dir, 'index'),
  };

  constructor() {
    this.run(['init', '-q', '--bare', path.join(this.dir, 'repo.git')]);
  }

  public run(args: string[], input?: string | Buffer, env: NodeJS.ProcessEnv = {}): string {
    return execFileSync('git', args, { env: { ...this.env, ...env }, input, encoding: 'utf-8' }).trim();
  }

  public hashBlob(content: Buffer): string {
    return this.run(['hash-object', '-w', '--stdin'], content);
  }

  /** `git write-tree` of an index holding exactly these files. */
  public writeTree(files: ReadonlyArray<{ path: string; mode: string; content: Buffer }>): string {
    fs.rmSync(this.env.GIT_INDEX_FILE as string, { force: true });
    for (const f of files) {
      this.run(['update-index', '--add', '--cacheinfo', `${f.mode},${this.hashBlob(f.content)},${f.path}`]);
    }
    return this.run(['write-tree']);
  }

  public remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

let server: GitHubServer;
let octokit: TestOctokit;
let git: RealGit;

beforeAll(async () => {
  server = await startGitHubServer();
  octokit = await createTestOctokit(server);
  git = new RealGit();
  server.createRepo(OWNER, REPO);
  server.seedBranch(OWNER, REPO, 'main', { 'README.md': '# gitops\n' });
});

afterAll(async () => {
  await server.close();
  git.remove();
});

afterEach(() => {
  expect(server.contractViolations()).toEqual([]);
});

describe('blobs', () => {
  test.each([
    ['utf-8 text', 'kind: Namespace\nmetadata:\n  name: dev\n', 'utf-8'],
    ['text without a trailing newline and non-ASCII', 'naïve — 日本', 'utf-8'],
    ['empty content', '', 'utf-8'],
    ['binary content sent as base64', Buffer.from([0, 1, 2, 255, 254, 10]).toString('base64'), 'base64'],
  ] as const)('the sha of %s equals git hash-object', async (_name, content, encoding) => {
    // WHEN
    const created = await octokit.rest.git.createBlob({ owner: OWNER, repo: REPO, content, encoding });
    // THEN
    const bytes = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf-8');
    expect(created.status).toBe(201);
    expect(created.data.sha).toBe(git.hashBlob(bytes));
    const read = await octokit.rest.git.getBlob({ owner: OWNER, repo: REPO, file_sha: created.data.sha });
    expect(read.data.encoding).toBe('base64');
    expect(read.data.size).toBe(bytes.length);
    expect(Buffer.from(read.data.content, 'base64')).toEqual(bytes);
  });
});

describe('trees', () => {
  // Names chosen to exercise git's ordering: "a.b" < "a" (a directory sorts as "a/") < "a0", and "a-b" < "a.b".
  const files = [
    { path: 'a0', mode: '100644', content: Buffer.from('zero\n') },
    { path: 'a/b.yaml', mode: '100644', content: Buffer.from('b: 1\n') },
    { path: 'a.b', mode: '100644', content: Buffer.from('dot\n') },
    { path: 'a-b', mode: '100755', content: Buffer.from('#!/bin/sh\necho hi\n') },
    { path: 'a/c/d/e.txt', mode: '100644', content: Buffer.from('deep\n') },
    { path: 'B', mode: '100644', content: Buffer.from('upper case sorts first\n') },
  ];

  test('a tree created from nested paths with content has the sha git write-tree computes', async () => {
    // WHEN
    const created = await octokit.rest.git.createTree({
      owner: OWNER,
      repo: REPO,
      tree: files.map((f) => ({
        path: f.path,
        mode: f.mode as '100644' | '100755',
        type: 'blob' as const,
        content: f.content.toString('utf-8'),
      })),
    });
    // THEN
    expect(created.status).toBe(201);
    expect(created.data.sha).toBe(git.writeTree(files));
    expect(created.data.tree.map((e) => [e.path, e.mode, e.type])).toEqual([
      ['B', '100644', 'blob'],
      ['a-b', '100755', 'blob'],
      ['a.b', '100644', 'blob'],
      ['a', '040000', 'tree'],
      ['a0', '100644', 'blob'],
    ]);
  });

  test('a recursive tree lists entries in git ls-tree -r -t order', async () => {
    // GIVEN
    const sha = git.writeTree(files);
    await octokit.rest.git.createTree({
      owner: OWNER,
      repo: REPO,
      tree: files.map((f) => ({
        path: f.path,
        mode: f.mode as '100644' | '100755',
        type: 'blob' as const,
        content: f.content.toString('utf-8'),
      })),
    });
    // WHEN
    const read = await octokit.rest.git.getTree({ owner: OWNER, repo: REPO, tree_sha: sha, recursive: '1' });
    // THEN
    const expected = git
      .run(['ls-tree', '-r', '-t', sha])
      .split('\n')
      .map((line) => {
        const [meta, p] = line.split('\t');
        const [mode, type, objectSha] = meta.split(' ');
        return [p, mode, type, objectSha];
      });
    expect(read.data.tree.map((e) => [e.path, e.mode, e.type, e.sha])).toEqual(expected);
    expect(read.data.truncated).toBe(false);
  });

  test('a flat tree referencing blobs and a subtree by sha equals git mktree', async () => {
    // GIVEN
    const blob = await octokit.rest.git.createBlob({ owner: OWNER, repo: REPO, content: 'x: 1\n' });
    const sub = await octokit.rest.git.createTree({
      owner: OWNER,
      repo: REPO,
      tree: [{ path: 'inner.yaml', mode: '100644', type: 'blob', sha: blob.data.sha }],
    });
    git.hashBlob(Buffer.from('x: 1\n'));
    const subSha = git.run(['mktree'], `100644 blob ${blob.data.sha}\tinner.yaml\n`);
    // WHEN
    const created = await octokit.rest.git.createTree({
      owner: OWNER,
      repo: REPO,
      tree: [
        { path: 'z.yaml', mode: '100755', type: 'blob', sha: blob.data.sha },
        { path: 'dir', mode: '040000', type: 'tree', sha: sub.data.sha },
      ],
    });
    // THEN
    expect(sub.data.sha).toBe(subSha);
    expect(created.data.sha).toBe(
      git.run(['mktree'], `040000 tree ${subSha}\tdir\n100755 blob ${blob.data.sha}\tz.yaml\n`),
    );
  });

  test('base_tree with replacements, deletions (sha: null) and a deletion of a missing path', async () => {
    // GIVEN
    const base = await octokit.rest.git.createTree({
      owner: OWNER,
      repo: REPO,
      tree: [
        { path: 'dev/a.yaml', mode: '100644', type: 'blob', content: 'a\n' },
        { path: 'dev/b.yaml', mode: '100644', type: 'blob', content: 'b\n' },
        { path: 'stage/c.yaml', mode: '100644', type: 'blob', content: 'c\n' },
      ],
    });
    // WHEN
    const created = await octokit.rest.git.createTree({
      owner: OWNER,
      repo: REPO,
      base_tree: base.data.sha,
      tree: [
        { path: 'dev/a.yaml', mode: '100644', type: 'blob', content: 'a2\n' },
        { path: 'stage/c.yaml', mode: '100644', type: 'blob', sha: null },
        { path: 'prod/never-existed.yaml', mode: '100644', type: 'blob', sha: null },
      ],
    });
    // THEN the emptied directory disappears, as in git
    expect(created.data.sha).toBe(
      git.writeTree([
        { path: 'dev/a.yaml', mode: '100644', content: Buffer.from('a2\n') },
        { path: 'dev/b.yaml', mode: '100644', content: Buffer.from('b\n') },
      ]),
    );
  });

  test.each([
    [
      'both sha and content',
      { path: 'x', mode: '100644', type: 'blob', sha: 'a'.repeat(40), content: 'x' },
      'Must supply either tree.sha or tree.content. Request will be rejected if both are present.',
    ],
    [
      'neither sha nor content',
      { path: 'x', mode: '100644', type: 'blob' },
      'Must supply either tree.sha or tree.content. Request will be rejected if both are present.',
    ],
    [
      'a sha that is not a blob',
      { path: 'x', mode: '100644', type: 'blob', sha: 'b'.repeat(40) },
      `tree.sha ${'b'.repeat(40)} is not a valid blob`,
    ],
  ] as const)('fails with 422 for an entry with %s', async (_name, entry, message) => {
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/git/trees', { owner: OWNER, repo: REPO, tree: [entry] }),
    ).rejects.toMatchObject({ status: 422, response: { data: { message } } });
  });

  test('fails with 422 for a base_tree that is not a tree', async () => {
    await expect(
      octokit.rest.git.createTree({ owner: OWNER, repo: REPO, base_tree: 'c'.repeat(40), tree: [] }),
    ).rejects.toMatchObject({ status: 422, response: { data: { message: 'base_tree is not a valid tree oid' } } });
  });
});

describe('commits', () => {
  test.each([
    ['a root commit in UTC', [], '2024-01-02T03:04:05Z', '@1704164645 +0000', 'Initial commit'],
    [
      'a commit with a parent and an offset date',
      ['parent'],
      '2024-01-02T03:04:05+02:00',
      '@1704157445 +0200',
      'Update dev\n\nBody line.\n',
    ],
  ])('%s has the sha git commit-tree computes', async (_name, parents, isoDate, gitDate, message) => {
    // GIVEN
    const tree = await octokit.rest.git.createTree({
      owner: OWNER,
      repo: REPO,
      tree: [{ path: 'f', mode: '100644', type: 'blob', content: 'f\n' }],
    });
    git.writeTree([{ path: 'f', mode: '100644', content: Buffer.from('f\n') }]);
    const parentShas: string[] = [];
    if (parents.length > 0) {
      const parent = await octokit.rest.git.createCommit({
        owner: OWNER,
        repo: REPO,
        message: 'parent',
        tree: tree.data.sha,
        author: { name: 'P', email: 'p@example.com', date: '2023-12-31T00:00:00Z' },
      });
      git.run(
        ['commit-tree', tree.data.sha],
        'parent',
        signatureEnv('P', 'p@example.com', '@1703980800 +0000', 'P', 'p@example.com'),
      );
      parentShas.push(parent.data.sha);
    }
    // WHEN
    const created = await octokit.rest.git.createCommit({
      owner: OWNER,
      repo: REPO,
      message,
      tree: tree.data.sha,
      parents: parentShas,
      author: { name: 'Alice Author', email: 'alice@example.com', date: isoDate },
      committer: { name: 'Carl Committer', email: 'carl@example.com', date: isoDate },
    });
    // THEN
    const expected = git.run(
      ['commit-tree', tree.data.sha, ...parentShas.flatMap((p) => ['-p', p])],
      message,
      signatureEnv('Alice Author', 'alice@example.com', gitDate, 'Carl Committer', 'carl@example.com'),
    );
    expect(created.status).toBe(201);
    expect(created.data.sha).toBe(expected);
    const read = await octokit.rest.git.getCommit({ owner: OWNER, repo: REPO, commit_sha: expected });
    expect(read.data).toMatchObject({
      sha: expected,
      message,
      tree: { sha: tree.data.sha },
      parents: parentShas.map((sha) => ({ sha })),
      author: {
        name: 'Alice Author',
        email: 'alice@example.com',
        date: new Date(isoDate).toISOString().replace('.000Z', 'Z'),
      },
    });
  });

  test('the committer defaults to the author', async () => {
    // GIVEN
    const tree = await octokit.rest.git.createTree({
      owner: OWNER,
      repo: REPO,
      tree: [{ path: 'f', mode: '100644', type: 'blob', content: 'f\n' }],
    });
    const author = { name: 'Alice', email: 'alice@example.com', date: '2024-05-06T07:08:09Z' };
    // WHEN
    const created = await octokit.rest.git.createCommit({
      owner: OWNER,
      repo: REPO,
      message: 'm',
      tree: tree.data.sha,
      author,
    });
    // THEN
    expect(created.data.committer).toEqual(author);
  });

  test('fails with 422 for a parent that does not exist', async () => {
    const tree = await octokit.rest.git.createTree({ owner: OWNER, repo: REPO, tree: [] });
    await expect(
      octokit.rest.git.createCommit({
        owner: OWNER,
        repo: REPO,
        message: 'm',
        tree: tree.data.sha,
        parents: ['d'.repeat(40)],
      }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Parent SHA does not exist or is not a commit object' } },
    });
  });
});

test.each([
  ['a file before a longer file', { name: 'a', type: 'blob' }, { name: 'a0', type: 'blob' }, -1],
  ['a directory after a file with a dot', { name: 'a', type: 'tree' }, { name: 'a.b', type: 'blob' }, 1],
  ['a directory before a file with a digit', { name: 'a', type: 'tree' }, { name: 'a0', type: 'blob' }, -1],
  ['upper case before lower case', { name: 'Z', type: 'blob' }, { name: 'a', type: 'blob' }, -1],
] as const)('tree order: %s', (_name, a, b, sign) => {
  expect(Math.sign(compareTreeEntries(a, b))).toBe(sign);
});

function signatureEnv(
  authorName: string,
  authorEmail: string,
  date: string,
  committerName: string,
  committerEmail: string,
): NodeJS.ProcessEnv {
  return {
    GIT_AUTHOR_NAME: authorName,
    GIT_AUTHOR_EMAIL: authorEmail,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: committerName,
    GIT_COMMITTER_EMAIL: committerEmail,
    GIT_COMMITTER_DATE: date,
  };
}
