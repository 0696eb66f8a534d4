import * as fs from 'fs';
import * as path from 'path';
import { measureKalypsoSynth } from './whole-process';

/*
 * Where the time of a cold `kalypso synth` goes: one run with `node --cpu-prof` (every thread writes a profile), its
 * samples' self time summed by part of the tool (`src/<layer>/<folder>`), package, or what V8 and Node do natively.
 */

interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileShare {
  readonly part: string;
  readonly seconds: number;
}

/** The part of the program a sample's function belongs to. */
export function partOf(functionName: string, url: string): string {
  if (url === '') {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(idle)' || functionName === '(program)') return `V8 ${functionName}`;
    return 'native calls (file system, hashing, …)';
  }
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + '/node_modules/'.length).split('/');
    return `package ${scope.startsWith('@') ? `${scope}/${name}` : scope}`;
  }
  if (url.startsWith('node:')) return url.startsWith('node:internal/modules') ? 'Node module loading' : 'Node library';
  const source = /\/lib\/(src|imports)\/(.*)$/.exec(url);
  if (source) {
    const segments = source[2].split('/');
    return source[1] === 'imports' ? 'imports (generated classes)' : `src/${segments.slice(0, 2).join('/')}`;
  }
  return url.replace(/^.*\//, '');
}

/** Self time per part over every profile in `folder`, largest first. */
export function summarizeProfiles(folder: string): ProfileShare[] {
  const totals = new Map<string, number>();
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as CpuProfile;
    const parts = new Map(
      profile.nodes.map((node) => [node.id, partOf(node.callFrame.functionName, node.callFrame.url)]),
    );
    profile.samples.forEach((id, index) => {
      const part = parts.get(id)!;
      totals.set(part, (totals.get(part) ?? 0) + profile.timeDeltas[index] / 1e6);
    });
  }
  return [...totals]
    .map(([part, seconds]) => ({ part, seconds }))
    .filter((share) => share.part !== 'V8 (idle)')
    .sort((a, b) => b.seconds - a.seconds);
}

/** A cold synth of `controlPlane` into `root/profile-out` under the profiler; its profile, summed. */
export function profileColdSynth(controlPlane: string, root: string): ProfileShare[] {
  const folder = path.join(root, 'cpu-profile');
  fs.rmSync(folder, { recursive: true, force: true });
  measureKalypsoSynth(
    controlPlane,
    path.join(root, 'profile-out'),
    path.join(root, 'profile-cache'),
    path.join(root, 'rss'),
    [],
    ['--cpu-prof', `--cpu-prof-dir=${folder}`],
  );
  return summarizeProfiles(folder);
}
