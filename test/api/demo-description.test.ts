import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { ClusterType, ClusterTypeProps, ControlPlane, Environment, model } from '../../src';
import { FolderSource } from '../../src/io/source/folder-source';
import { loadControlPlane } from '../../src/io/source/load';
import { validateDocuments } from '../../src/core/model/validate';
import { validateYaml } from '../support/documents';
import { tutorialCopy } from '../support/tutorial';

// Compile-time: the model type and the construct props have the new field, typed and optional.
const props: ClusterTypeProps = { description: 'GPU clusters at the edge' };
const asModel: model.ClusterType = {
  kind: 'ClusterType',
  name: 'drone',
  labels: {},
  reconciler: 'flux',
  namespaceService: 'default',
  configType: 'configmap',
  description: 'GPU clusters at the edge',
};
// @ts-expect-error: a description is text
const notText: ClusterTypeProps = { description: 5 };

const yaml = (spec: string) => `apiVersion: scheduler.kalypso.io/v1alpha1
kind: ClusterType
metadata: {name: drone}
spec: {reconciler: flux, namespaceService: default, configType: configmap${spec}}
`;

describe('a new optional field spec.description of ClusterType, added to its definition only', () => {
  test('YAML: is read into the model, and left out when absent', () => {
    expect(validateYaml(yaml(', description: GPU clusters at the edge')).objects).toEqual([
      expect.objectContaining({ ...asModel, source: expect.anything() }),
    ]);
    expect(validateYaml(yaml('')).objects[0]).not.toHaveProperty('description');
  });

  test('YAML: fails on a description that is not text, and hints at it for a typo', () => {
    expect(validateYaml(yaml(', description: 5')).errors).toEqual([
      'dev/objects.yaml:4:76  ClusterType/drone  spec.description  must be a string, not a number (got 5)  quote it: "5"',
    ]);
    expect(validateYaml(yaml(', descripton: x')).errors).toEqual([
      'dev/objects.yaml:4:76  ClusterType/drone  spec.descripton  is not a field of this kind  did you mean "description"?',
    ]);
  });

  test('construct: the prop reaches toModel() and toManifest(), which the YAML loader reads back', () => {
    const dev = new Environment(new ControlPlane(Testing.app(), 'Platform'), 'dev');
    const drone = new ClusterType(dev, 'drone', props);
    expect(drone.toModel()).toStrictEqual(asModel);
    expect(drone.toManifest()).toEqual({
      apiVersion: 'scheduler.kalypso.io/v1alpha1',
      kind: 'ClusterType',
      metadata: { name: 'drone' },
      spec: {
        reconciler: 'flux',
        namespaceService: 'default',
        configType: 'configmap',
        description: 'GPU clusters at the edge',
      },
    });
    expect(new ClusterType(dev, 'plain').toManifest()).toEqual({
      apiVersion: 'scheduler.kalypso.io/v1alpha1',
      kind: 'ClusterType',
      metadata: { name: 'plain' },
      spec: { reconciler: 'flux', namespaceService: 'default', configType: 'configmap' },
    });
    const { objects, problems } = validateDocuments([
      {
        file: 'x.yaml',
        branch: 'dev',
        index: 0,
        value: drone.toManifest(),
        location: { file: 'x.yaml' },
        fieldLocations: new Map(),
      },
    ]);
    expect([problems, objects.map(({ source: _source, ...object }) => object)]).toEqual([[], [asModel]]);
    expect(notText).toEqual({ description: 5 });
  });

  test('ControlPlane.fromFolder: the constructs of a folder keep the description of their YAML', async () => {
    const folder = tutorialCopy();
    const file = path.join(folder, 'dev/cluster-types/drone/drone-cluster-type.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/spec:\n/, 'spec:\n  description: GPU clusters\n'));
    const controlPlane = await ControlPlane.fromFolder(Testing.app(), 'Tutorial', folder);
    const drone = controlPlane.environment('dev').node.findChild('drone') as ClusterType;
    expect(drone.toModel().description).toBe('GPU clusters');
    expect(controlPlane.toModel()).toEqual((await loadControlPlane(new FolderSource(folder))).model);
  });
});
