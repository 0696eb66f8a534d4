import {
  collectConfigSources,
  composePlatformConfig,
  findConfigLabelMismatch,
  isConfigFor,
  selectingLabels,
  splitLabelEncodedKey,
} from '../../../src/core/config/platform-config';
import { cv } from '../../support/config-values';
import { clusterType, configMap, deploymentTarget } from '../../support/objects';

const drone = clusterType('drone', { region: 'east-us', restricted: 'true', edge: 'true' });
const target = deploymentTarget('test-deployment-target', {
  workload: 'test-workload',
  workspace: 'test-workspace',
  'test-label-key': 'test-label-value',
});

function compose(maps: Parameters<typeof collectConfigSources>[0], ct = drone, dt = target) {
  return composePlatformConfig(collectConfigSources(maps), ct, dt);
}

describe('isConfigFor', () => {
  const edge = clusterType('edge', { region: 'west' });
  const appFt = deploymentTarget('app-ft', { workload: 'app', purpose: 'ft' });
  test.each<[string, Record<string, string>, boolean]>([
    ['no labels matches everything (A17)', {}, true],
    ['only platform-config matches everything (A17)', { 'platform-config': 'true' }, true],
    ['cluster-type names the cluster type', { 'cluster-type': 'edge' }, true],
    ['cluster-type of another cluster type', { 'cluster-type': 'drone' }, false],
    ['deployment-target needs the full target name (A11)', { 'deployment-target': 'ft' }, false],
    ['deployment-target with the full name (A11)', { 'deployment-target': 'app-ft' }, true],
    ['workload names the workload', { workload: 'app' }, true],
    ['another workload', { workload: 'other' }, false],
    ['a generic label satisfied by the cluster type', { region: 'west' }, true],
    ['a generic label satisfied by the target', { purpose: 'ft' }, true],
    [
      'every label must hold (A11)',
      { 'deployment-target': 'app-ft', workload: 'app', 'cluster-type': 'edge', purpose: 'ft', region: 'west' },
      true,
    ],
    ['one failing label fails', { region: 'west', purpose: 'uat' }, false],
    ['an empty value matches when neither side has the label (A12)', { missing: '' }, true],
    [
      'Flux labels are ignored (A12)',
      { 'kustomize.toolkit.fluxcd.io/name': 'anything', 'kustomize.toolkit.fluxcd.io/namespace': 'x' },
      true,
    ],
  ])('%s', (_name, labels, expected) => {
    expect(isConfigFor(labels, edge, appFt)).toBe(expected);
  });
});

describe('composePlatformConfig', () => {
  test('collects the matching ConfigMaps of the upstream test data (A9)', () => {
    const maps = [
      configMap('dev-config', { 'platform-config': 'true' }, { ENVIRONMENT: 'Dev' }),
      configMap('drone-config', { 'platform-config': 'true', 'cluster-type': 'drone' }, { CLUSTER_NAME: 'Drone' }),
      configMap('east-us-config', { 'platform-config': 'true', region: 'east-us' }, { REGION: 'East US' }),
      configMap(
        'restricted-config',
        { 'platform-config': 'true', restricted: 'true' },
        { DATABASE_URL: 'mysql://restricted-host:3306/mysq123489' },
      ),
      configMap(
        'non-restricted-config',
        { 'platform-config': 'true', restricted: 'false' },
        { DATABASE_URL: 'mysql://non-restricted' },
      ),
    ];
    expect(compose(maps).data).toEqual({
      CLUSTER_NAME: 'Drone',
      DATABASE_URL: 'mysql://restricted-host:3306/mysq123489',
      ENVIRONMENT: 'Dev',
      REGION: 'East US',
    });
  });

  test('the later ConfigMap name wins, whatever its labels (A10)', () => {
    const gold = clusterType('gold', { tier: 'gold' });
    const maps = [
      configMap('b-config', { 'platform-config': 'true' }, { X: 'from-b' }),
      configMap('a-config', { 'platform-config': 'true', tier: 'gold' }, { X: 'from-a' }),
    ];
    expect(compose(maps, gold).data.X).toBe('from-b');
  });

  test('ignores ConfigMaps not labelled platform-config "true" (A12)', () => {
    const maps = [
      configMap('f-config', { 'platform-config': 'false' }, { NOT_PLATFORM: 'x' }),
      configMap('g-config', {}, { UNLABELLED: 'x' }),
    ];
    expect(compose(maps).data).toEqual({});
  });

  test('merges arrays and maps across ConfigMaps (A14, A15)', () => {
    const maps = [
      configMap(
        'a-config',
        { 'platform-config': 'true' },
        { LIST: '- name: a\n  w: 2\n- name: c\n', MAP: 'k1: a\nk2: a\n' },
      ),
      configMap('b-config', { 'platform-config': 'true' }, { LIST: '- name: a\n  v: 1\n- plain\n', MAP: 'k1: b\n' }),
    ];
    expect(compose(maps).data).toStrictEqual({
      LIST: cv([{ name: 'a', w: 2, v: 1 }, { name: 'c' }, 'plain']),
      MAP: cv({ k1: 'b', k2: 'a' }),
    });
  });

  test('applies azure-app-config keys by their encoded labels, shorter keys first (A16)', () => {
    const maps = [
      configMap(
        'azure-app-config-1',
        {},
        {
          X: 'az-plain',
          'region.west.X': 'az-west',
          'region.east.X': 'az-east',
          'tier.gold.region.west.Y': 'az-y',
          'a.b.c.Z': 'even-parts',
        },
      ),
    ];
    const westGold = clusterType('w', { region: 'west', tier: 'gold' });
    expect(compose(maps, westGold).data).toEqual({ X: 'az-west', Y: 'az-y' });
  });

  test('azure-app-config entries override platform ConfigMaps', () => {
    const maps = [
      configMap('zz-config', { 'platform-config': 'true' }, { X: 'platform' }),
      configMap('azure-app-config', {}, { X: 'azure' }),
    ];
    expect(compose(maps).data.X).toBe('azure');
  });

  test('records every contribution per key in the order applied', () => {
    const maps = [
      configMap('b-config', { 'platform-config': 'true' }, { X: 'from-b' }),
      configMap('a-config', { 'platform-config': 'true' }, { X: 'from-a', Y: 'y' }),
    ];
    const { provenance } = compose(maps);
    expect(provenance.X.map((c) => [c.configMap, c.value])).toEqual([
      ['a-config', 'from-a'],
      ['b-config', 'from-b'],
    ]);
    expect(provenance.Y.map((c) => c.configMap)).toEqual(['a-config']);
  });

  test('keeps a key named __proto__ (valid in a ConfigMap) as an entry, with its provenance', () => {
    const maps = [
      configMap('a-config', { 'platform-config': 'true' }, JSON.parse('{"__proto__": "from-a", "X": "x"}')),
      configMap('b-config', { 'platform-config': 'true' }, JSON.parse('{"__proto__": "from-b"}')),
    ];
    const { data, provenance } = compose(maps);
    expect(Object.keys(data).sort()).toEqual(['X', '__proto__']);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toBe('from-b');
    expect(
      Object.getOwnPropertyDescriptor(provenance, '__proto__')?.value.map((c: { configMap: string }) => c.configMap),
    ).toEqual(['a-config', 'b-config']);
  });
});

describe('splitLabelEncodedKey', () => {
  test.each([
    ['X', {}, 'X'],
    ['region.west.X', { region: 'west' }, 'X'],
    ['tier.gold.region.west.Y', { tier: 'gold', region: 'west' }, 'Y'],
    ['a.b.c.Z', { a: 'b' }, 'Z'],
  ])('%s', (raw, keyLabels, key) => {
    expect(splitLabelEncodedKey(raw)).toEqual({ key, keyLabels });
  });
});

describe('findConfigLabelMismatch', () => {
  const drone = clusterType('drone', { restricted: 'true' });
  const appFt = deploymentTarget('app-ft', { workload: 'app', purpose: 'ft' });
  test.each<[string, Record<string, string>, ReturnType<typeof findConfigLabelMismatch>]>([
    ['nothing when every label holds', { 'platform-config': 'true', restricted: 'true' }, undefined],
    [
      'another cluster type',
      { 'cluster-type': 'large' },
      { requirement: 'cluster-type: "large"', reason: 'cluster type is "drone"', key: 'cluster-type' },
    ],
    [
      'another deployment target',
      { 'deployment-target': 'ft' },
      { requirement: 'deployment-target: "ft"', reason: 'deployment target is "app-ft"', key: 'deployment-target' },
    ],
    [
      'another workload',
      { workload: 'other' },
      { requirement: 'workload: "other"', reason: 'workload is "app"', key: 'workload' },
    ],
    [
      'a label neither side has',
      { size: 'large' },
      { requirement: 'size: "large"', reason: 'cluster type has none, deployment target has none', key: 'size' },
    ],
    [
      'a label with another value',
      { restricted: 'false' },
      {
        requirement: 'restricted: "false"',
        reason: 'cluster type has "true", deployment target has none',
        key: 'restricted',
      },
    ],
    [
      'the first failing label by key',
      { z: '1', a: '1' },
      { requirement: 'a: "1"', reason: 'cluster type has none, deployment target has none', key: 'a' },
    ],
  ])('names %s', (_name, labels, expected) => {
    expect(findConfigLabelMismatch(labels, drone, appFt)).toEqual(expected);
  });
});

describe('selectingLabels', () => {
  test('drops the labels that never restrict', () => {
    expect(
      selectingLabels({ 'platform-config': 'true', 'kustomize.toolkit.fluxcd.io/name': 'x', region: 'west' }),
    ).toEqual({ region: 'west' });
  });
});
