import { ManagedScope, WHOLE_TREE } from '../layout/managed-tree';

/*
 * `--shard i/n`: n runs (a CI matrix, say) each plan and write a disjoint part of every environment's tree, split by
 * cluster type, and together write what one run writes. The environment's cluster types are sorted by name and dealt
 * out in turn — the k-th (from 0) goes to shard k mod n + 1 — which keeps the shards within one cluster type of each
 * other. Shard 1 also owns what belongs to no cluster type of the environment: the promoted-commit file, and the
 * folders of cluster types that no longer exist (which it removes).
 */

/** One of `count` runs sharing the work (`--shard index/count`, 1-based). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** `2/3` → `{ index: 2, count: 3 }`; undefined when the text is not `i/n` with 1 ≤ i ≤ n. */
export function parseShard(text: string): Shard | undefined {
  const match = /^([1-9][0-9]*)\/([1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const shard = { index: Number(match[1]), count: Number(match[2]) };
  return shard.index <= shard.count ? shard : undefined;
}

/** Whether a cluster type (of the environment's `clusterTypes`) is in the shard; every one is without a shard. */
export function shardFilter(
  clusterTypes: readonly string[],
  shard: Shard | undefined,
): (clusterType: string) => boolean {
  if (!shard || shard.count === 1) return () => true;
  const mine = new Set([...clusterTypes].sort().filter((_, k) => k % shard.count === shard.index - 1));
  return (clusterType) => mine.has(clusterType);
}

/** Whether the shard writes the promoted-commit file. */
export function ownsPromotedCommit(shard: Shard | undefined): boolean {
  return !shard || shard.index === 1;
}

/** The part of an environment's tree a shard changes: its cluster types, and for shard 1 the rest. */
export function shardScope(clusterTypes: readonly string[], shard: Shard | undefined): ManagedScope {
  if (!shard || shard.count === 1) return WHOLE_TREE;
  const inShard = shardFilter(clusterTypes, shard);
  const current = new Set(clusterTypes);
  const first = ownsPromotedCommit(shard);
  return {
    ownsFolder: (folder) => (current.has(folder) ? inShard(folder) : first),
    ownsPromotedCommit: first,
  };
}
