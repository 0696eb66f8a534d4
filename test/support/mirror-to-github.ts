/**
 * Copies commits of a bare repository into a repository of the fake GitHub through the Git Data API (blobs, one tree,
 * commits with their original authors, dates and messages), so that they get the same ids there: a test can then
 * read and push the repository with git and set commit statuses on the same commits through the API, as a team does
 * with one repository on GitHub.
 */
import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { spawnSync } from 'child_process';
import { BareRepository, ISOLATED_GIT_ENV } from './git';

/** git's standard output, bytes untouched. */
function raw(repository: BareRepository, args: string[]): Buffer {
  const result = spawnSync('git', ['--git-dir', repository.path, ...args], {
    env: { ...process.env, ...ISOLATED_GIT_ENV },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export async function mirrorCommit(
  octokit: Octokit,
  target: { owner: string; repo: string },
  repository: BareRepository,
  commit: string,
): Promise<void> {
  const exists = await octokit.rest.git.getCommit({ ...target, commit_sha: commit }).then(
    () => true,
    () => false,
  );
  if (exists) return;
  const text = raw(repository, ['cat-file', 'commit', commit]).toString('utf8');
  const separator = text.indexOf('\n\n');
  const header = text.slice(0, separator);
  const message = text.slice(separator + 2);
  const field = (name: string) =>
    header
      .split('\n')
      .filter((line) => line.startsWith(`${name} `))
      .map((line) => line.slice(name.length + 1));
  const parents = field('parent');
  for (const parent of parents) await mirrorCommit(octokit, target, repository, parent);
  const entries = raw(repository, ['ls-tree', '-r', '-z', commit])
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((record) => {
      const [meta, path] = record.split('\t');
      const [mode, , sha] = meta.split(' ');
      return { path, mode: mode as '100644', sha };
    });
  const tree = [];
  for (const entry of entries) {
    const content = raw(repository, ['cat-file', 'blob', entry.sha]);
    const blob = await octokit.rest.git.createBlob({
      ...target,
      content: content.toString('base64'),
      encoding: 'base64',
    });
    tree.push({ path: entry.path, mode: entry.mode, type: 'blob' as const, sha: blob.data.sha });
  }
  const createdTree = await octokit.rest.git.createTree({ ...target, tree });
  const signature = (line: string) => {
    const match = /^(.*) <(.*)> (\d+) ([+-])(\d{2})(\d{2})$/.exec(line)!;
    const offset = `${match[4]}${match[5]}:${match[6]}`;
    const local = new Date(
      (Number(match[3]) + (match[4] === '-' ? -1 : 1) * (Number(match[5]) * 3600 + Number(match[6]) * 60)) * 1000,
    );
    return { name: match[1], email: match[2], date: `${local.toISOString().replace(/\.\d{3}Z$/, '')}${offset}` };
  };
  const created = await octokit.rest.git.createCommit({
    ...target,
    tree: createdTree.data.sha,
    parents,
    message,
    author: signature(field('author')[0]),
    committer: signature(field('committer')[0]),
  });
  if (created.data.sha !== commit)
    throw new Error(`mirroring ${commit} into ${target.owner}/${target.repo} gave ${created.data.sha}`);
}
