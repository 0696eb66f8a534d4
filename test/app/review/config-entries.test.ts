import { configEntries } from '../../../src/app/review/config-entries';

describe('configEntries', () => {
  test.each<[string, string, string, Record<string, string> | undefined]>([
    [
      'the data of a ConfigMap',
      'platform-config.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: platform-config}\ndata:\n  REGION: East US\n  FLAG: "false"\n',
      { REGION: 'East US', FLAG: 'false' },
    ],
    [
      'non-string values as JSON',
      'platform-config.yaml',
      'kind: ConfigMap\ndata: {N: 1, L: [a]}\n',
      { N: '1', L: '["a"]' },
    ],
    [
      'the data of several ConfigMaps',
      'platform-config.yaml',
      'kind: ConfigMap\ndata: {A: a}\n---\nkind: ConfigMap\ndata: {B: b}\n',
      { A: 'a', B: 'b' },
    ],
    ['nothing for YAML that holds no ConfigMap', 'platform-config.yaml', 'kind: Secret\n', undefined],
    ['nothing for text that is not YAML', 'platform-config.yaml', 'a: [\n', undefined],
    [
      'export lines of a shell file',
      'platform-config.sh',
      'export A="x y"\nexport B="q\\"\\$"\n',
      { A: 'x y', B: 'q"$' },
    ],
    ['nothing for shell files in another shape', 'platform-config.sh', 'A=x\n', undefined],
  ])('reads %s', (_name, path, text, expected) => {
    expect(configEntries(path, text)).toEqual(expected);
  });
});
