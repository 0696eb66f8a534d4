import * as path from 'path';
import { loadAll } from 'js-yaml';
import { formatProblem } from '../../src/core/model/problems';
import { EnvironmentPlan } from '../../src/core/plan/plan';
import { synthesize } from '../../src/app/synthesize/synthesize';
import { planTree } from './plans';
import { copyFolder, temporaryFolder } from './temp';

/** Copies of the upstream Kalypso sample repositories (see test/fixtures/upstream/README.md). */
export const UPSTREAM = path.join(__dirname, '../fixtures/upstream');
/** The compatibility scenarios laid out as folders of branches (see test/fixtures/compat-scenarios/README.md). */
export const SCENARIOS = path.join(__dirname, '../fixtures/compat-scenarios');
const FIXTURES = path.join(__dirname, '../fixtures');

export interface FixtureRun {
  /** Every planned file as `<environment>/<path>` → content. */
  readonly tree: Record<string, string>;
  /** Every problem, one line each, with fixture paths relative to test/fixtures. */
  readonly problems: string[];
  readonly plans: readonly EnvironmentPlan[];
}

export interface FixtureOptions {
  /** Repository URL → folder, as `--source URL=PATH`. */
  readonly sources?: Readonly<Record<string, string>>;
  readonly environments?: readonly string[];
}

/** Plans a fixture control plane (folder of branches) as `kalypso synth` would, without writing. */
export async function planFixture(controlPlane: string, options: FixtureOptions = {}): Promise<FixtureRun> {
  const result = await synthesize({
    controlPlane,
    sources: new Map(Object.entries(options.sources ?? {})),
    environments: options.environments,
  });
  const tree = planTree(result.plans);
  const problems = result.problems.map((problem) => formatProblem(problem).split(`${FIXTURES}/`).join(''));
  return { tree, problems, plans: result.plans };
}

/** A scratch copy of a fixture folder that a test may edit. */
export function fixtureCopy(folder: string): string {
  const copy = path.join(temporaryFolder(), path.basename(folder));
  copyFolder(folder, copy);
  return copy;
}

/** The YAML documents of a file as objects, the way a reader of the GitOps repository (Flux, kubectl) sees them. */
export function documents(content: string): unknown[] {
  return loadAll(content).filter((document) => document !== null && document !== undefined);
}

/** Every object of the tree's YAML files whose apiVersion is a Flux group, in file order. */
export function fluxObjects(tree: Record<string, string>): { apiVersion: string; kind: string }[] {
  return Object.entries(tree)
    .filter(([file]) => file.endsWith('.yaml'))
    .flatMap(([, content]) => documents(content) as { apiVersion: string; kind: string }[])
    .filter((object) => typeof object === 'object' && /\.toolkit\.fluxcd\.io\//.test(object.apiVersion ?? ''));
}

/** The files of a tree below a folder, keyed by the path below it. */
export function subtree(tree: Record<string, string>, folder: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree)
      .filter(([file]) => file.startsWith(`${folder}/`))
      .map(([file, content]) => [file.slice(folder.length + 1), content]),
  );
}

/** The README Kalypso writes into every cluster type folder (no final newline). */
export const CLUSTER_TYPE_README = 'This folder contains deployment targets scheduled on the cluster type';
