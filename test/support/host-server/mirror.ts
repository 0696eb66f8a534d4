/**
 * Copies branches between a bare repository and a fake host's repository with every object unchanged (the same ids on
 * both sides), so that a test can read a control plane with git and write it through a host's API, as a team does
 * with one repository on its host and a clone of it.
 */
import { spawnSync } from 'child_process';
import { BareRepository, ISOLATED_GIT_ENV } from '../git';
import { GitSignature, GitTreeEntry, TreeMode, encodeCommit, encodeTree } from '../github-server/git-store';
import { FakeRepo } from './repo-state';

function gitRaw(repository: BareRepository, args: string[], input?: Buffer): Buffer {
  const result = spawnSync('git', ['--git-dir', repository.path, ...args], {
    env: { ...process.env, ...ISOLATED_GIT_ENV },
    ...(input ? { input } : {}),
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** `Name <email> 1700000000 +0200` → the signature with an ISO 8601 date in that offset. */
function signature(line: string): GitSignature {
  const match = /^(.*) <(.*)> (\d+) ([+-])(\d{2})(\d{2})$/.exec(line);
  if (!match) throw new Error(`mirror: cannot read signature "${line}"`);
  const offsetSeconds = (match[4] === '-' ? -1 : 1) * (Number(match[5]) * 3600 + Number(match[6]) * 60);
  const local = new Date((Number(match[3]) + offsetSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, '');
  return { name: match[1], email: match[2], date: `${local}${match[4]}${match[5]}:${match[6]}` };
}

function copyTreeIn(bare: BareRepository, fake: FakeRepo, tree: string): string {
  const entries: GitTreeEntry[] = gitRaw(bare, ['ls-tree', '-z', tree])
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((record) => {
      const [meta, name] = record.split('\t');
      const [mode, type, sha] = meta.split(' ');
      if (type === 'blob') fake.git.writeBlob(gitRaw(bare, ['cat-file', 'blob', sha]));
      else if (type === 'tree') copyTreeIn(bare, fake, sha);
      else throw new Error(`mirror: cannot copy ${type} ${name}`);
      return { name, mode: (mode === '40000' ? '040000' : mode) as TreeMode, type: type as 'blob' | 'tree', sha };
    });
  const written = fake.git.writeTree(entries).sha;
  if (written !== tree) throw new Error(`mirror: tree ${tree} was copied as ${written}`);
  return written;
}

/** Copies `branch` of a bare repository, and every commit it holds, into a fake host's repository. */
export function pushToFake(bare: BareRepository, fake: FakeRepo, branch: string): string {
  const commits = gitRaw(bare, ['rev-list', '--reverse', `refs/heads/${branch}`])
    .toString('utf8')
    .split('\n')
    .filter(Boolean);
  for (const sha of commits) {
    if (fake.git.commit(sha)) continue;
    const text = gitRaw(bare, ['cat-file', 'commit', sha]).toString('utf8');
    const separator = text.indexOf('\n\n');
    const header = text.slice(0, separator).split('\n');
    const field = (name: string) =>
      header.filter((line) => line.startsWith(`${name} `)).map((line) => line.slice(name.length + 1));
    const written = fake.git.writeCommit({
      tree: copyTreeIn(bare, fake, field('tree')[0]),
      parents: field('parent'),
      author: signature(field('author')[0]),
      committer: signature(field('committer')[0]),
      message: text.slice(separator + 2),
    }).sha;
    if (written !== sha) throw new Error(`mirror: commit ${sha} was copied as ${written}`);
  }
  const tip = commits[commits.length - 1];
  fake.branches.set(branch, tip);
  return tip;
}

function has(bare: BareRepository, sha: string): boolean {
  return (
    spawnSync('git', ['--git-dir', bare.path, 'cat-file', '-e', sha], { env: { ...process.env, ...ISOLATED_GIT_ENV } })
      .status === 0
  );
}

function write(bare: BareRepository, type: 'blob' | 'tree' | 'commit', body: Buffer, sha: string): void {
  const written = gitRaw(bare, ['hash-object', '-t', type, '-w', '--stdin'], body).toString('utf8').trim();
  if (written !== sha) throw new Error(`mirror: ${type} ${sha} was copied as ${written}`);
}

function copyTreeOut(fake: FakeRepo, bare: BareRepository, sha: string): void {
  if (has(bare, sha)) return;
  const tree = fake.git.tree(sha);
  if (!tree) throw new Error(`mirror: no tree ${sha} in the fake`);
  for (const entry of tree.entries) {
    if (entry.type === 'tree') copyTreeOut(fake, bare, entry.sha);
    else if (!has(bare, entry.sha)) write(bare, 'blob', fake.git.blob(entry.sha)!.content, entry.sha);
  }
  write(bare, 'tree', encodeTree(tree.entries), sha);
}

function copyCommitOut(fake: FakeRepo, bare: BareRepository, sha: string): void {
  if (has(bare, sha)) return;
  const commit = fake.git.commit(sha);
  if (!commit) throw new Error(`mirror: no commit ${sha} in the fake`);
  for (const parent of commit.parents) copyCommitOut(fake, bare, parent);
  copyTreeOut(fake, bare, commit.tree);
  write(bare, 'commit', encodeCommit(commit), sha);
}

/** Copies a fake host's `branch`, and every commit it holds, into a bare repository (as a fetch would). */
export function fetchFromFake(fake: FakeRepo, bare: BareRepository, branch: string): string {
  const tip = fake.branches.get(branch);
  if (!tip) throw new Error(`mirror: no branch ${branch} in the fake`);
  copyCommitOut(fake, bare, tip);
  gitRaw(bare, ['update-ref', `refs/heads/${branch}`, tip]);
  return tip;
}
