import { createHash } from 'crypto';
import { ReadCommitStatus } from './pull-request-host';

/**
 * How Flux's notification-controller names the commit statuses it posts, per provider, so that `check` can read them
 * on every host. The id is `<kind>/<name>/<cluster id>` in lower case (the cluster id is the first part of the
 * Provider's UID, or what its `commitStatusExpr` makes of it), and each provider keeps it differently:
 *
 * - github, gitea: the status `context` is the id;
 * - gitlab: the status `name` is the id;
 * - azuredevops: the status `context.name` is the id, under `context.genre` `fluxcd` (or `fluxcd:<summary>`);
 * - bitbucket: the status `key` is the SHA-1 (hex) of the id, as keys are limited to 40 characters, and its `name` is
 *   only `<kind>/<name>`.
 *
 * Adapters read the first three as plain contexts; a Bitbucket status arrives with its name as `context` and the key
 * as `contextHash`, and is resolved here against the ids the caller expects.
 */
export const FLUX_AZURE_DEVOPS_GENRE = 'fluxcd';

/** SHA-1 (hex) of a text, as Flux keys Bitbucket statuses. */
export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/**
 * The statuses with each hashed context replaced by the Flux id it hashes, when that id is one of `expected` (whole
 * ids, or cluster ids appended to the status's `<kind>/<name>`); an id that cannot be recovered becomes
 * `<kind>/<name>/<first 12 digits of the hash>`, so that a failure from an unexpected cluster still shows.
 */
export function resolveFluxContexts(
  statuses: readonly ReadCommitStatus[],
  expected: readonly string[],
): ReadCommitStatus[] {
  return statuses.map((status) => {
    if (!status.contextHash) return status;
    const hash = status.contextHash.toLowerCase();
    const candidates = expected.flatMap((id) => [id, `${status.context}/${id}`].map((text) => text.toLowerCase()));
    const found = candidates.find((candidate) => sha1Hex(candidate) === hash);
    const resolved: ReadCommitStatus = { ...status, context: found ?? `${status.context}/${hash.slice(0, 12)}` };
    delete (resolved as { contextHash?: string }).contextHash;
    return resolved;
  });
}
