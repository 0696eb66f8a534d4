import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../support/cli';
import { temporaryFolder } from '../support/temp';
import { tutorialCopy } from '../support/tutorial';

/*
 * Hostile and broken input, each added to a copy of the tutorial: the run exits 1 with one clear error line naming
 * the file (and line where there is one), prints no stack trace and writes nothing.
 */

function aliasBomb(): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    text += `${name}: &${name} [${Array(9)
      .fill(`*${String.fromCharCode(96 + level)}`)
      .join(',')}]\n`;
  }
  return text;
}

const template = (name: string, manifest: string) => `apiVersion: scheduler.kalypso.io/v1alpha1
kind: Template
metadata: {name: ${name}}
spec:
  type: reconciler
  manifests:
    - ${JSON.stringify(manifest)}
`;

/** Makes the drone cluster type use the Template named `hostile`. */
function useTemplate(copy: string): void {
  const drone = path.join(copy, 'dev/cluster-types/drone/drone-cluster-type.yaml');
  fs.writeFileSync(drone, fs.readFileSync(drone, 'utf8').replace('reconciler: arc-flux', 'reconciler: hostile'));
}

type Case = [string, (copy: string) => void, RegExp];

const CASES: Case[] = [
  [
    'malformed YAML',
    (c) => fs.writeFileSync(path.join(c, 'dev/bad.yaml'), 'kind: [ClusterType\n'),
    /^error {2}dev\/bad\.yaml:2:1 {2}invalid YAML/,
  ],
  [
    'a document that is not a mapping',
    (c) => fs.writeFileSync(path.join(c, 'dev/list.yaml'), '- a\n- b\n'),
    /^error {2}dev\/list\.yaml:1:1 {2}a YAML document must be a mapping/,
  ],
  [
    'a wrong type',
    (c) =>
      fs.writeFileSync(
        path.join(c, 'dev/ct.yaml'),
        'apiVersion: scheduler.kalypso.io/v1alpha1\nkind: ClusterType\nmetadata: {name: x}\nspec: {reconciler: [a], namespaceService: default, configType: configmap}\n',
      ),
    /^error {2}dev\/ct\.yaml:4:8 {2}ClusterType\/x {2}spec\.reconciler {2}must be a string, not a list/,
  ],
  [
    'an unknown field',
    (c) =>
      fs.writeFileSync(
        path.join(c, 'dev/ct.yaml'),
        'apiVersion: scheduler.kalypso.io/v1alpha1\nkind: ClusterType\nmetadata: {name: x}\nspec: {reconciler: flux, namespaceService: default, configType: configmap, configtype: x}\n',
      ),
    /^error {2}dev\/ct\.yaml:4:76 {2}ClusterType\/x {2}spec\.configtype {2}is not a field of this kind {2}did you mean "configType"\?/,
  ],
  [
    'a missing required field',
    (c) =>
      fs.writeFileSync(
        path.join(c, 'dev/ct.yaml'),
        'apiVersion: scheduler.kalypso.io/v1alpha1\nkind: ClusterType\nmetadata: {name: x}\nspec: {reconciler: flux, namespaceService: default}\n',
      ),
    /^error {2}dev\/ct\.yaml:4:1 {2}ClusterType\/x {2}spec\.configType {2}is required/,
  ],
  [
    'a duplicate object',
    (c) =>
      fs.copyFileSync(path.join(c, 'dev/cluster-types/drone/drone-cluster-type.yaml'), path.join(c, 'dev/copy.yaml')),
    /^error {2}dev\/(copy|cluster-types\/drone\/drone-cluster-type)\.yaml:1:1 {2}ClusterType\/drone {2}ClusterType\/drone is defined twice in environment "dev": also at dev\//,
  ],
  [
    'non-UTF-8 bytes',
    (c) => fs.writeFileSync(path.join(c, 'dev/latin1.yaml'), Buffer.from('a: caf\xe9\n', 'latin1')),
    /^error {2}dev\/latin1\.yaml:1:1 {2}file is not UTF-8 text/,
  ],
  [
    'a 100 MB file',
    (c) => {
      const file = path.join(c, 'dev/huge.yaml');
      fs.writeFileSync(file, '');
      fs.truncateSync(file, 100 * 1024 * 1024);
    },
    /^error {2}dev\/huge\.yaml {2}file is 100\.0 MiB; the limit is 16\.0 MiB/,
  ],
  [
    '100,000 documents',
    (c) => fs.writeFileSync(path.join(c, 'dev/many.yaml'), 'kind: X\n---\n'.repeat(100_000)),
    /^error {2}dev\/many\.yaml {2}file holds 100000 documents; the limit is 10000/,
  ],
  [
    'an alias bomb',
    (c) => fs.writeFileSync(path.join(c, 'dev/bomb.yaml'), aliasBomb()),
    /^error {2}dev\/bomb\.yaml:\d+:\d+ {2}aliases expand this document beyond 1000000 nodes/,
  ],
  [
    'deep nesting',
    (c) => fs.writeFileSync(path.join(c, 'dev/deep.yaml'), `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`),
    /^error {2}dev\/deep\.yaml:1:\d+ {2}invalid YAML/,
  ],
  [
    'an enormous key',
    (c) => fs.writeFileSync(path.join(c, 'dev/key.yaml'), `${'k'.repeat(1_000_000)}: v\n`),
    /^error {2}dev\/key\.yaml:1:1 {2}mapping key is 1000000 characters long; the limit is 4096/,
  ],
  [
    'a name with a path separator',
    (c) =>
      fs.writeFileSync(
        path.join(c, 'dev/ct.yaml'),
        'apiVersion: scheduler.kalypso.io/v1alpha1\nkind: ClusterType\nmetadata: {name: a/b}\nspec: {reconciler: flux, namespaceService: default, configType: configmap}\n',
      ),
    /^error {2}dev\/ct\.yaml:3:12 {2}ClusterType\/a\/b {2}metadata\.name {2}name must consist of lower case letters/,
  ],
  [
    'a name of dots',
    (c) =>
      fs.writeFileSync(
        path.join(c, 'dev/ct.yaml'),
        'apiVersion: scheduler.kalypso.io/v1alpha1\nkind: ClusterType\nmetadata: {name: ".."}\nspec: {reconciler: flux, namespaceService: default, configType: configmap}\n',
      ),
    /^error {2}dev\/ct\.yaml:3:12 {2}ClusterType\/\.\. {2}metadata\.name {2}name must consist of lower case letters/,
  ],
  [
    'a backslash in a name',
    (c) =>
      fs.writeFileSync(
        path.join(c, 'dev/ct.yaml'),
        'apiVersion: scheduler.kalypso.io/v1alpha1\nkind: ClusterType\nmetadata: {name: "a\\\\b"}\nspec: {reconciler: flux, namespaceService: default, configType: configmap}\n',
      ),
    /^error {2}dev\/ct\.yaml:3:12 {2}ClusterType\/a\\b {2}metadata\.name {2}name must consist of lower case letters/,
  ],
  [
    'an absolute path as a name',
    (c) =>
      fs.writeFileSync(
        path.join(c, 'dev/ct.yaml'),
        'apiVersion: scheduler.kalypso.io/v1alpha1\nkind: ClusterType\nmetadata: {name: /etc}\nspec: {reconciler: flux, namespaceService: default, configType: configmap}\n',
      ),
    /^error {2}dev\/ct\.yaml:3:12 {2}ClusterType\/\/etc {2}metadata\.name {2}name must consist of lower case letters/,
  ],
  [
    'an empty name',
    (c) =>
      fs.writeFileSync(
        path.join(c, 'dev/ct.yaml'),
        'apiVersion: scheduler.kalypso.io/v1alpha1\nkind: ClusterType\nmetadata: {name: ""}\nspec: {reconciler: flux, namespaceService: default, configType: configmap}\n',
      ),
    /^error {2}dev\/ct\.yaml:3:12 {2}ClusterType\/\? {2}metadata\.name {2}name must not be empty/,
  ],
  [
    'a name with a leading dot',
    (c) =>
      fs.writeFileSync(
        path.join(c, 'dev/ct.yaml'),
        'apiVersion: scheduler.kalypso.io/v1alpha1\nkind: ClusterType\nmetadata: {name: .hidden}\nspec: {reconciler: flux, namespaceService: default, configType: configmap}\n',
      ),
    /^error {2}dev\/ct\.yaml:3:12 {2}ClusterType\/\.hidden {2}metadata\.name {2}name must consist of lower case letters/,
  ],
  [
    'an upper-case name that would collide on a case-insensitive file system',
    (c) =>
      fs.writeFileSync(
        path.join(c, 'dev/ct.yaml'),
        'apiVersion: scheduler.kalypso.io/v1alpha1\nkind: ClusterType\nmetadata: {name: Drone}\nspec: {reconciler: flux, namespaceService: default, configType: configmap}\n',
      ),
    /^error {2}dev\/ct\.yaml:3:12 {2}ClusterType\/Drone {2}metadata\.name {2}name must consist of lower case letters/,
  ],
  [
    'a name over the Kubernetes limit',
    (c) =>
      fs.writeFileSync(
        path.join(c, 'dev/ct.yaml'),
        `apiVersion: scheduler.kalypso.io/v1alpha1\nkind: ClusterType\nmetadata: {name: ${'x'.repeat(64)}}\nspec: {reconciler: flux, namespaceService: default, configType: configmap}\n`,
      ),
    /^error {2}dev\/ct\.yaml:3:12 {2}ClusterType\/x{64} {2}metadata\.name {2}name is 64 characters long; Kalypso uses it as a label value/,
  ],
  [
    'a Template that recurses forever',
    (c) => {
      fs.writeFileSync(
        path.join(c, 'main/hostile.yaml'),
        template('hostile', '{{ define "t" }}{{ template "t" }}{{ end }}{{ template "t" }}'),
      );
      useTemplate(c);
    },
    /^error {2}main\/hostile\.yaml:1:1 {2}Template\/hostile {2}Template "hostile" manifests\[0\]:/,
  ],
  [
    'a Template whose output re-renders itself forever',
    (c) => {
      // A quine: its output is itself, so Kalypso's "render again while the output contains {{" never ends.
      fs.writeFileSync(
        path.join(c, 'main/hostile.yaml'),
        template('hostile', '{{ $s := "{{ $s := %q }}{{ printf $s $s }}" }}{{ printf $s $s }}'),
      );
      useTemplate(c);
    },
    /^error {2}main\/hostile\.yaml:1:1 {2}Template\/hostile {2}Template "hostile" manifests\[0\].*exceeded the maximum depth of 10/,
  ],
  [
    'a Template producing huge output',
    (c) => {
      fs.writeFileSync(
        path.join(c, 'main/hostile.yaml'),
        template('hostile', '{{ range until 100000 }}{{ repeat 1000 "x" }}{{ end }}'),
      );
      useTemplate(c);
    },
    /^error {2}main\/hostile\.yaml:1:1 {2}Template\/hostile {2}Template "hostile" manifests\[0\]:/,
  ],
  [
    'a Template reading the environment',
    (c) => {
      fs.writeFileSync(path.join(c, 'main/hostile.yaml'), template('hostile', 'token: {{ env "GITHUB_TOKEN" }}'));
      useTemplate(c);
    },
    /^error {2}main\/hostile\.yaml:1:1 {2}Template\/hostile {2}Template "hostile" manifests\[0\]:.*environment/,
  ],
  [
    'a Template expanding the environment',
    (c) => {
      fs.writeFileSync(path.join(c, 'main/hostile.yaml'), template('hostile', '{{ expandenv "$HOME" }}'));
      useTemplate(c);
    },
    /^error {2}main\/hostile\.yaml:1:1 {2}Template\/hostile {2}Template "hostile" manifests\[0\]:.*environment/,
  ],
  [
    'a Template calling an unknown function',
    (c) => {
      fs.writeFileSync(path.join(c, 'main/hostile.yaml'), template('hostile', '{{ nosuchfunction 1 }}'));
      useTemplate(c);
    },
    /^error {2}main\/hostile\.yaml:1:1 {2}Template\/hostile {2}Template "hostile" manifests\[0\]: template: template:1: function "nosuchfunction" not defined/,
  ],
];

describe('hostile input', () => {
  test.each(CASES)(
    'fails cleanly on %s',
    async (_name, spoil, message) => {
      const copy = tutorialCopy();
      spoil(copy);
      const out = path.join(temporaryFolder(), 'out');
      const { code, stdout, stderr } = await runCli(['synth', '-c', copy, '-o', out], copy);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const errors = stderr.split('\n').filter((line) => line.startsWith('error'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at |internal error/);
      expect(fs.existsSync(out)).toBe(false);
    },
    60_000,
  );

  test('the environment variable a Template asked for does not appear anywhere', async () => {
    const copy = tutorialCopy();
    fs.writeFileSync(
      path.join(copy, 'main/hostile.yaml'),
      template('hostile', 'token: {{ env "KALYPSO_TEST_SECRET" }}'),
    );
    useTemplate(copy);
    process.env.KALYPSO_TEST_SECRET = 'planted-secret-4f1c';
    try {
      const { stdout, stderr } = await runCli(
        ['synth', '-c', copy, '-o', path.join(temporaryFolder(), 'out'), '--json'],
        copy,
      );
      expect(stdout + stderr).not.toContain('planted-secret-4f1c');
    } finally {
      delete process.env.KALYPSO_TEST_SECRET;
    }
  });
});
