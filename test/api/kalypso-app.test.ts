import * as fs from 'fs';
import { loadAll } from 'js-yaml';
import * as path from 'path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { ControlPlane } from '../../src/api';
import { KalypsoApp } from '../../src/api/kalypso-app';
import { KalypsoTesting } from '../../src/api/kalypso-testing';
import { synthesize } from '../../src/app/synthesize/synthesize';
import {
  BUILT_IN_CONFIG_RENDERERS,
  BUILT_IN_NAMESPACE_RENDERERS,
  BUILT_IN_RECONCILERS,
  ReconcilerName,
} from '../../src/core/model/renderer-names';
import { RendererRegistry } from '../../src/render/constructs/renderer-registry';
import { readOutputTree, readTree, temporaryFolder } from '../support/temp';
import { TUTORIAL, tutorialCopy } from '../support/tutorial';

/** The tutorial loaded into a KalypsoApp writing to a fresh folder. */
async function tutorialApp(controlPlane = TUTORIAL, cacheDir = temporaryFolder()) {
  const app = new KalypsoApp({ outdir: path.join(temporaryFolder(), 'dist'), cacheDir });
  const tutorial = await ControlPlane.fromFolder(app, 'Tutorial', controlPlane);
  return { app, tutorial };
}

describe('KalypsoApp', () => {
  test('synth() writes the tree kalypso synth writes, and ControlPlane.synth() the same', async () => {
    // GIVEN the tutorial in a KalypsoApp, and the same control plane synthesized from YAML
    const { app } = await tutorialApp();
    const cli = temporaryFolder();
    await synthesize({ controlPlane: TUTORIAL, out: cli });
    const viaControlPlane = temporaryFolder();
    await (await ControlPlane.fromFolder(new KalypsoApp(), 'Tutorial', TUTORIAL)).synth({ outdir: viaControlPlane });
    // WHEN the app synthesizes
    await app.synth();
    // THEN all three trees are the same, file for file
    const tree = readOutputTree(app.outdir);
    expect(Object.keys(tree)).toContain('dev/drone/hello-world-app-functional-test/platform-config.yaml');
    expect(tree).toEqual(readOutputTree(cli));
    expect(tree).toEqual(readOutputTree(viaControlPlane));
    expect(app.warnings).toEqual([]);
  });

  test('a second synth() with no change renders nothing, even after the output folder was deleted', async () => {
    // GIVEN the tutorial synthesized once
    const cacheDir = temporaryFolder();
    const first = await tutorialApp(TUTORIAL, cacheDir);
    await first.app.synth();
    expect(first.app.results[0].rendered).toBe(4);
    const tree = readOutputTree(first.app.outdir);
    // WHEN a new app (a new process, as cdk8s synth starts) synthesizes to the same folder after it was deleted
    fs.rmSync(first.app.outdir, { recursive: true });
    const second = new KalypsoApp({ outdir: first.app.outdir, cacheDir });
    await ControlPlane.fromFolder(second, 'Tutorial', TUTORIAL);
    await second.synth();
    // THEN every assignment came from the render cache, and the tree is the same
    expect(second.results[0].rendered).toBe(0);
    expect(readOutputTree(second.outdir)).toEqual(tree);
  });

  test('synthYaml() gives every file as one stream, each under a # Source comment', async () => {
    const { app } = await tutorialApp();
    const stream = app.synthYaml();
    expect(stream).toContain('---\n# Source: dev/drone/hello-world-app-functional-test/namespace.yaml\n');
    const documents = loadAll(stream) as { kind?: string }[];
    expect(documents.filter((document) => document?.kind === 'Namespace')).toHaveLength(4);
    expect(fs.existsSync(app.outdir)).toBe(false);
  });

  test('writes the other charts of the app as cdk8s does', async () => {
    const { app } = await tutorialApp();
    const chart = new Chart(app, 'extra');
    new ApiObject(chart, 'Settings', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
    await app.synth();
    expect(fs.readdirSync(app.outdir).sort()).toEqual(['dev', 'extra.k8s.yaml', 'stage']);
  });

  test('fails when two control planes would write one environment folder', async () => {
    const { app } = await tutorialApp();
    await ControlPlane.fromFolder(app, 'Again', TUTORIAL);
    await expect(app.synth()).rejects.toThrow(
      'environment "dev" is defined by both ControlPlane "Tutorial" and ControlPlane "Again"; both would write <outdir>/dev/',
    );
  });
});

describe('a ControlPlane where cdk8s would silently synthesize nothing', () => {
  test('fails App.synth() of a plain App, naming KalypsoApp, and writes nothing', async () => {
    const app = new App({ outdir: path.join(temporaryFolder(), 'dist') });
    await ControlPlane.fromFolder(app, 'Tutorial', TUTORIAL);
    expect(() => app.synth()).toThrow(/create the app with new KalypsoApp\(\)/);
    expect(fs.existsSync(app.outdir)).toBe(true);
    expect(fs.readdirSync(app.outdir)).toEqual([]);
  });

  test('fails Testing.synth(chart) of a chart holding it, saying what to call instead', async () => {
    const chart = Testing.chart();
    await ControlPlane.fromFolder(chart, 'Tutorial', TUTORIAL);
    expect(() => Testing.synth(chart)).toThrow(
      /a ControlPlane inside the chart "test" is invisible to Testing.synth\(chart\).*KalypsoTesting.synth\(controlPlane\)/,
    );
  });

  test('fails Testing.synth(controlPlane), saying what to call instead', async () => {
    const { tutorial } = await tutorialApp();
    expect(() => Testing.synth(tutorial as unknown as Chart)).toThrow(
      'ControlPlane "Tutorial" is not a chart: use KalypsoTesting.synth(controlPlane) for the whole tree, or Testing.synth(chart) for a chart of controlPlane.assignments()',
    );
  });
});

describe('ControlPlane.assignments()', () => {
  test('gives real cdk8s charts whose Testing.synth is exactly what is written to their folder', async () => {
    // GIVEN the tutorial, synthesized
    const { app, tutorial } = await tutorialApp();
    await app.synth();
    // WHEN its assignments are listed
    const charts = tutorial.assignments();
    // THEN there is one chart per assignment folder, each a cdk8s Chart naming where it is written
    expect(charts.map((chart) => chart.folder).sort()).toEqual([
      'dev/drone/hello-world-app-functional-test',
      'dev/large/hello-world-app-performance-test',
      'stage/drone/hello-world-app-uat-test',
      'stage/large/hello-world-app-uat-test',
    ]);
    const [drone] = charts;
    expect(drone).toBeInstanceOf(Chart);
    expect([drone.environment, drone.clusterType, drone.deploymentTarget]).toEqual([
      'dev',
      'drone',
      'hello-world-app-functional-test',
    ]);
    for (const chart of charts) {
      const written = fs
        .readdirSync(path.join(app.outdir, chart.folder))
        .sort((a, b) => FILE_ORDER.indexOf(a) - FILE_ORDER.indexOf(b))
        .flatMap((file) => loadAll(fs.readFileSync(path.join(app.outdir, chart.folder, file), 'utf8')));
      const synthesized = Testing.synth(chart);
      expect(synthesized.length).toBeGreaterThan(2);
      expect(synthesized).toEqual(written);
    }
  });

  test('gives the charts of one environment', async () => {
    const { tutorial } = await tutorialApp();
    expect(tutorial.assignments('stage').map((chart) => chart.folder)).toEqual([
      'stage/drone/hello-world-app-uat-test',
      'stage/large/hello-world-app-uat-test',
    ]);
    expect(() => tutorial.assignments('prod')).toThrow('ControlPlane "Tutorial" has no environment "prod"');
  });
});

const FILE_ORDER = ['namespace.yaml', 'platform-config.yaml', 'platform-config.sh', 'reconciler.yaml'];

describe('KalypsoTesting.synth', () => {
  test('gives the tree as objects per file, and a changed platform config value shows in it', async () => {
    // GIVEN the tutorial, and a copy whose dev config changed one value
    const { tutorial } = await tutorialApp();
    const changed = tutorialCopy();
    const config = path.join(changed, 'dev/configs/dev-config.yaml');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('ENVIRONMENT: Dev', 'ENVIRONMENT: Development'));
    const other = await ControlPlane.fromFolder(new KalypsoApp(), 'Tutorial', changed);
    // WHEN both are synthesized for a snapshot
    const before = KalypsoTesting.synth(tutorial);
    const after = KalypsoTesting.synth(other);
    // THEN files are keyed by their path, YAML files are their objects, and exactly the changed value differs
    const file = 'dev/drone/hello-world-app-functional-test/platform-config.yaml';
    expect(before['dev/drone/README.md']).toBe('This folder contains deployment targets scheduled on the cluster type');
    expect((before[file] as { data: Record<string, string> }[])[0].data.ENVIRONMENT).toBe('Dev');
    expect((after[file] as { data: Record<string, string> }[])[0].data.ENVIRONMENT).toBe('Development');
    const differing = Object.keys(before).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    expect(differing).toEqual([
      'dev/drone/hello-world-app-functional-test/platform-config.yaml',
      'dev/large/hello-world-app-performance-test/platform-config.yaml',
    ]);
    expect(before).toEqual(
      Object.fromEntries(
        Object.entries(readTree(await synthesizedTutorial())).map(([name, text]) => [
          name,
          name.endsWith('.yaml') ? loadAll(text) : text,
        ]),
      ),
    );
  });
});

async function synthesizedTutorial(): Promise<string> {
  const out = temporaryFolder();
  await synthesize({ controlPlane: TUTORIAL, out });
  fs.rmSync(path.join(out, '.kalypso'), { recursive: true, force: true });
  return out;
}

describe('renderer names', () => {
  test('the typed built-in names are the names the built-in registry holds', () => {
    const catalog = RendererRegistry.withBuiltIns().catalog();
    expect(catalog.reconciler).toEqual([...BUILT_IN_RECONCILERS].sort());
    expect(catalog.namespace).toEqual([...BUILT_IN_NAMESPACE_RENDERERS].sort());
    expect(catalog.config).toEqual([...BUILT_IN_CONFIG_RENDERERS].sort());
    // Any other name (a Template, a renderer registered in code) still type-checks.
    const names: ReconcilerName[] = ['flux', 'my-template'];
    expect(names).toHaveLength(2);
  });
});
