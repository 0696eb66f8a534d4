import * as fs from 'fs';
import { loadAll } from 'js-yaml';
import * as path from 'path';
import { compileApp } from './cdk8s-app';
import { REPO_ROOT } from './whole-process';

/*
 * The code front door for the benchmark: a cdk8s app that builds the generated control plane with constructs
 * (Environment, ClusterType, PlatformConfig, SchedulingPolicy, Workload…) instead of reading its YAML. The objects are
 * read from the generated folder once, here, and handed to the app as construct props in `objects.json`, as a team
 * generating its platform from its own data would; the app itself only creates constructs and synthesizes.
 */

type Props = Record<string, unknown>;

/** One construct the app creates: in the control plane (`main`) or in the environment. */
interface ConstructSpec {
  readonly kind: string;
  readonly scope: 'main' | 'environment';
  readonly id: string;
  readonly props: Props;
}

interface Manifest {
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string> };
  readonly spec?: Props;
  readonly data?: Record<string, string>;
}

const MAIN_TS = (library: string) => `import * as fs from 'fs';
import * as kalypso from ${JSON.stringify(library)};

interface ConstructSpec {
  readonly kind: 'ClusterType' | 'PlatformConfig' | 'SchedulingPolicy' | 'GitOpsRepo' | 'BaseRepo' | 'Workload';
  readonly scope: 'main' | 'environment';
  readonly id: string;
  readonly props: unknown;
}

async function main(): Promise<void> {
  const { environment, objects } = JSON.parse(fs.readFileSync('objects.json', 'utf8')) as {
    environment: { id: string; props: kalypso.EnvironmentProps };
    objects: ConstructSpec[];
  };
  const app = new kalypso.KalypsoApp();
  const controlPlane = new kalypso.ControlPlane(app, 'Bench');
  const env = new kalypso.Environment(controlPlane, environment.id, environment.props);
  for (const object of objects) {
    const scope = object.scope === 'main' ? controlPlane : env;
    const Kind = kalypso[object.kind] as unknown as new (scope: unknown, id: string, props: unknown) => unknown;
    new Kind(scope, object.id, object.props);
  }
  await app.synth();
}

main().catch((e: unknown) => {
  process.stderr.write(\`\${(e as Error).message}\\n\`);
  process.exitCode = 1;
});
`;

/** Writes and compiles the app in `appDir` from the control plane generated in `controlPlane`. */
export function writeCodeApp(appDir: string, controlPlane: string): void {
  fs.mkdirSync(appDir, { recursive: true });
  fs.writeFileSync(path.join(appDir, 'objects.json'), JSON.stringify(constructSpecs(controlPlane)));
  fs.writeFileSync(path.join(appDir, 'main.ts'), MAIN_TS(path.join(REPO_ROOT, 'lib', 'src')));
  compileApp(appDir);
}

/** The generated control plane's objects as construct props. */
function constructSpecs(root: string): { environment: ConstructSpec; objects: ConstructSpec[] } {
  const read = (folder: string) => readManifests(path.join(root, folder));
  const [environment] = read('main/.environments');
  const workspaces = new Map(
    read('main/workloads').map((registration) => {
      const workload = registration.spec!.workload as { path: string };
      return [path.basename(workload.path), registration.spec!.workspace as string];
    }),
  );
  const objects: ConstructSpec[] = [];
  for (const manifest of read(environment.metadata.name)) objects.push(environmentObject(manifest));
  for (const workload of read('workloads')) {
    const { name, labels } = workload.metadata;
    const props = { labels, workspace: workspaces.get(name), deploymentTargets: workload.spec!.deploymentTargets };
    objects.push({ kind: 'Workload', scope: 'main', id: name, props });
  }
  const { name } = environment.metadata;
  return { environment: { kind: 'Environment', scope: 'main', id: name, props: environment.spec! }, objects };
}

function environmentObject({ kind, metadata, spec, data }: Manifest): ConstructSpec {
  const { name, labels } = metadata;
  switch (kind) {
    case 'ConfigMap': {
      const { 'platform-config': _, ...selecting } = labels ?? {};
      return { kind: 'PlatformConfig', scope: 'environment', id: name, props: { labels: selecting, data } };
    }
    case 'SchedulingPolicy': {
      const targets = spec!.deploymentTargetSelector as { workspace?: string; labelSelector?: Props };
      const clusterTypes = spec!.clusterTypeSelector as { labelSelector?: Props };
      const props = {
        workspace: targets.workspace,
        deploymentTargetSelector: targets.labelSelector,
        clusterTypeSelector: clusterTypes.labelSelector,
      };
      return { kind, scope: 'environment', id: name, props };
    }
    case 'ClusterType':
    case 'GitOpsRepo':
    case 'BaseRepo':
      return { kind, scope: 'environment', id: name, props: { ...(labels ? { labels } : {}), ...spec } };
    default:
      throw new Error(`the code front door has no construct for ${kind} ${name}`);
  }
}

/** Every YAML document below `folder`, in file-name order. */
function readManifests(folder: string): Manifest[] {
  const files = fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.yaml'));
  return files
    .sort()
    .flatMap((file) => loadAll(fs.readFileSync(path.join(folder, file), 'utf8')) as Manifest[])
    .filter(Boolean);
}
