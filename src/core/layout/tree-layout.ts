/*
 * Fixed names of the platform GitOps tree (reference §8): kept apart from plan.ts so that what only reads a tree
 * (the read-ahead worker among them) does not load cdk8s.
 */

/** The file Kalypso puts in every cluster-type folder; with its text, it marks a folder as Kalypso's. */
export const CLUSTER_TYPE_README = 'README.md';
export const CLUSTER_TYPE_README_TEXT = 'This folder contains deployment targets scheduled on the cluster type';
/** The control-plane commit promoted to the environment. */
export const PROMOTED_COMMIT_FILE = '.github/tracking/Promoted_Commit_Id';

/** The files of an assignment folder: its Namespace, its reconciler objects, its platform config (`.yaml` or `.env`). */
export const NAMESPACE_FILE = 'namespace.yaml';
export const RECONCILER_FILE = 'reconciler.yaml';
export const PLATFORM_CONFIG_FILE = 'platform-config';
