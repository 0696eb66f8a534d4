import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../support/cli';
import { temporaryFolder } from '../support/temp';
import { tutorialCopy } from '../support/tutorial';

/** A copy of the tutorial with `from` replaced by `to` in one of its files. */
function tutorialWith(file: string, from: string, to: string): string {
  const copy = tutorialCopy();
  const target = path.join(copy, file);
  const text = fs.readFileSync(target, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(target, text.replace(from, to));
  return copy;
}

describe('mistakes a newcomer makes, each named where it is written, with a hint', () => {
  test('a deployment target for an environment the control plane does not have is a warning naming the closest', async () => {
    const copy = tutorialWith('kalypso-app-src/workload/workload.yaml', 'environment: stage', 'environment: stgae');
    const validate = await runCli(['validate', '-c', copy]);
    expect(validate.code).toBe(0);
    expect(validate.stderr).toContain(
      'warning  ./kalypso-app-src/workload/workload.yaml:31:7  Workload/hello-world-app  spec.deploymentTargets[2].environment  deployment target "hello-world-app-uat-test" is for environment "stgae", which the control plane does not have (it has "dev", "stage"); it is scheduled nowhere  did you mean "stage"?',
    );
    expect((await runCli(['validate', '-c', copy, '--strict'])).code).toBe(1);
    // explain never contradicts itself: the target is known, and said to be for an environment that does not exist
    const explain = await runCli(['explain', '-c', copy, '--target', 'hello-world-app-uat-test']);
    expect(explain.code).toBe(2);
    expect(explain.stderr).toContain(
      'kalypso explain: deployment target "hello-world-app-uat-test" is for environment "stgae", which the control plane does not have (it has "dev", "stage"); did you mean "stage"?; run kalypso explain --help\n',
    );
  });

  test('a config key named __proto__ is kept: exported by an env file, reported at its line for a ConfigMap', async () => {
    // GIVEN a ConfigMap with a "__proto__" key (valid in Kubernetes; JavaScript records cannot hold it by assignment)
    const copy = tutorialWith(
      'dev/cluster-types/drone/drone-config.yaml',
      '  CLUSTER_NAME: Drone',
      '  CLUSTER_NAME: Drone\n  __proto__: proto-value',
    );
    // THEN the platform ConfigMap, which cdk8s cannot write with that key, is refused where the key is written
    const synth = await runCli(['synth', '-c', copy, '--out', temporaryFolder()]);
    expect(synth.code).toBe(1);
    expect(synth.stderr).toContain(
      'error  dev/cluster-types/drone/drone-config.yaml:10:3  ConfigMap/drone-config  config key "__proto__" cannot be a key of the platform ConfigMap',
    );
    // AND an env file exports it, as Kalypso would
    const cluster = path.join(copy, 'dev/cluster-types/drone/drone-cluster-type.yaml');
    fs.writeFileSync(cluster, fs.readFileSync(cluster, 'utf8').replace('configType: configmap', 'configType: envfile'));
    const out = temporaryFolder();
    expect((await runCli(['synth', '-c', copy, '--out', out])).code).toBe(0);
    const envFiles = fs
      .readdirSync(path.join(out, 'dev/drone'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('platform-config.sh'));
    expect(envFiles.length).toBeGreaterThan(0);
    for (const file of envFiles) {
      expect(fs.readFileSync(path.join(out, 'dev/drone', file), 'utf8')).toContain('export __proto__="proto-value"\n');
    }
  });

  test("an Environment's branch with a typo is reported at its branch line, with the branch meant", async () => {
    const copy = tutorialWith('main/.environments/stage.yaml', 'branch: stage', 'branch: stgae');
    const { code, stderr } = await runCli(['validate', '-c', copy]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'error  main/.environments/stage.yaml:8:5  Environment/stage  spec.controlPlane.branch  branch "stgae" of environment "stage" does not exist  did you mean "stage"?',
    );
  });

  test('a label key typo in matchExpressions gets the hint a matchLabels typo gets', async () => {
    const copy = tutorialWith(
      'dev/scheduling/performance-test-policy.yaml',
      '      matchLabels:\n        size: large',
      '      matchExpressions:\n        - key: siez\n          operator: In\n          values: [large]',
    );
    const { stderr } = await runCli(['validate', '-c', copy]);
    expect(stderr).toMatch(
      /warning {2}dev\/scheduling\/performance-test-policy\.yaml:14:11 {2}SchedulingPolicy\/performance-test-policy {2}spec\.clusterTypeSelector\.labelSelector\.matchExpressions\[0\] {2}selects no cluster type; .* siez In \(large\) required, label missing {2}did you mean "size"\?/,
    );
  });
});
