import { gitBlobId } from '../git/blob-id';
import { HostError } from './host-error';
import {
  BranchCommit,
  BranchSnapshot,
  ChangeProposal,
  FileChanges,
  RequestOutcome,
  RequestRef,
} from './pull-request-host';
import { RequestBackend } from './request-backend';

/**
 * Proposes a change through a `RequestBackend`, with the rules of the GitHub adapter: only an open request from
 * `head` into `base` whose description carries `marker` is ours; any other stops everything. The change is reduced
 * to what differs from `base` (by blob id); when nothing does, our request is closed and its branch deleted. `head`
 * is rewritten only when its tip is not already exactly one commit on `base` with the wanted files.
 */
export async function proposeThrough(
  backend: RequestBackend,
  where: string,
  change: ChangeProposal,
): Promise<RequestOutcome> {
  const { base, head } = change;
  if (!change.body.includes(change.marker)) throw new Error('the request body must contain the ownership marker');
  const body = fitBody(change.body, backend.maxBodyLength);

  const open = await backend.listOpenRequests(head, base.branch);
  const foreign = open.find((request) => !request.body.includes(change.marker));
  if (foreign) {
    throw new HostError(
      `request #${foreign.number} from ${head} into ${base.branch} in ${where} was not opened by this tool; ` +
        `it is left alone, and nothing was published (close it, or rename its branch)`,
    );
  }
  const owned = open[0];

  const closeOwned = async (): Promise<RequestOutcome> => {
    if (!owned) return { action: 'none' };
    await backend.closeRequest(owned.number);
    await backend.deleteBranch(head);
    return { action: 'closed', number: owned.number, url: owned.url };
  };
  const changes = realChanges(base, change);
  if (Object.keys(changes.files).length === 0 && changes.deletions.length === 0) return closeOwned();

  const headTip = await backend.branchTip(head);
  let current = false;
  if (headTip && headTip.parents.length === 1 && headTip.parents[0] === base.commit) {
    current = sameFiles(await backend.listFiles(headTip.commit, head), expectedFiles(base, changes));
  }
  if (!current) await backend.writeHead(base, head, headTip?.commit, change.commitMessage, changes);

  let outcome: RequestRef;
  let present: readonly string[];
  const wanted = backend.hasLabels ? (change.labels ?? []) : [];
  if (owned) {
    const textChanged = owned.title !== change.title || owned.body !== body;
    if (textChanged) await backend.updateRequest(owned.number, { title: change.title, body });
    outcome = { action: current && !textChanged ? 'unchanged' : 'updated', number: owned.number, url: owned.url };
    present = owned.labels;
  } else {
    const created = await backend.createRequest({ head, base: base.branch, title: change.title, body, labels: wanted });
    outcome = { action: 'created', ...created };
    present = wanted.map((label) => label.name);
  }
  if (!backend.hasLabels) return outcome;
  const has = (name: string) => present.some((label) => label.toLowerCase() === name.toLowerCase());
  const add = wanted.filter((label) => !has(label.name));
  const remove = (change.removeLabels ?? []).filter(has);
  if (add.length > 0 || remove.length > 0) {
    await backend.changeLabels(outcome.number, add, remove);
    if (outcome.action === 'unchanged') outcome = { ...outcome, action: 'updated' };
  }
  return outcome;
}

/**
 * Commits `change` onto its branch through `write`, with the rules every adapter follows: the branch must exist, only
 * what differs from its tip is written, and a change that differs in nothing makes no commit (`undefined`).
 */
export async function commitThrough(
  host: { readBranch(branch: string): Promise<BranchSnapshot | undefined> },
  where: string,
  change: BranchCommit,
  write: (snapshot: BranchSnapshot, changes: FileChanges) => Promise<string>,
): Promise<string | undefined> {
  const snapshot = await host.readBranch(change.branch);
  if (!snapshot) throw new HostError(`branch ${change.branch} does not exist in ${where}`);
  const changes = realChanges(snapshot, change);
  if (Object.keys(changes.files).length === 0 && changes.deletions.length === 0) return undefined;
  return write(snapshot, changes);
}

/** The writes whose content differs from `base` and the deletions of files `base` has. */
export function realChanges(base: BranchSnapshot, change: FileChanges): FileChanges {
  return {
    files: Object.fromEntries(
      Object.entries(change.files).filter(([path, content]) => base.blobs.get(path) !== gitBlobId(content)),
    ),
    deletions: change.deletions.filter((path) => base.blobs.has(path) && !(path in change.files)),
  };
}

/** The blob ids of `base` once `changes` are applied. */
export function expectedFiles(base: BranchSnapshot, changes: FileChanges): Map<string, string> {
  const files = new Map(base.blobs);
  for (const path of changes.deletions) files.delete(path);
  for (const [path, content] of Object.entries(changes.files)) files.set(path, gitBlobId(content));
  return files;
}

function sameFiles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([path, id]) => b.get(path) === id);
}

/** `body`, cut to `max` characters with a note when longer (the ownership marker leads, so it stays). */
export function fitBody(body: string, max: number): string {
  if (body.length <= max) return body;
  const note = '\n\n… (cut to fit the host)';
  return `${body.slice(0, max - note.length)}${note}`;
}
