import { AZ_VOTE_CONFIG, HELLO_WORLD, render, STRUCTURED, withConfig } from './template-data';

describe('toYaml is yaml.v3 Marshal without the final newline', () => {
  test.each([
    [
      'A27: a flat config map',
      withConfig({ ENVIRONMENT: 'Dev', SOME_COMMON_ENVIRONMENT_VARIABLE: 'false', REGION: 'West US' }),
      '{{ toYaml .ConfigData }}',
      'ENVIRONMENT: Dev\nREGION: West US\nSOME_COMMON_ENVIRONMENT_VARIABLE: "false"',
    ],
    [
      'nested config values',
      STRUCTURED,
      '{{ toYaml .ConfigData.module }}',
      'tag:\n    reject-tags:\n        - R173\n        - R018\n    short-name: Patch\nwindow-period: "5"',
    ],
    ['a list', STRUCTURED, '{{ toYaml .ConfigData.tags }}', '- Tag1\n- Tag2'],
    ['a list of mixed scalars', STRUCTURED, '{{ toYaml .ConfigData.numbers }}', '- 1\n- 2.5\n- true\n- null'],
    ['a string', HELLO_WORLD, '{{ toYaml "hello" }}', 'hello'],
    ['an empty string', HELLO_WORLD, '{{ toYaml "" }}', '""'],
    ['nil', HELLO_WORLD, '{{ toYaml nil }}', 'null'],
    ['a missing key', HELLO_WORLD, '{{ toYaml .ConfigData.nokey }}', 'null'],
    ['an empty map', HELLO_WORLD, '{{ toYaml dict }}', '{}'],
    ['an int64 and a float64', HELLO_WORLD, '{{ toYaml (list (add 1 1) (float64 3) 1.5) }}', '- 2\n- 3\n- 1.5'],
    ['a multi-line string keeps its block', HELLO_WORLD, '{{ toYaml (dict "k" "a\\nb\\n") }}', 'k: |\n    a\n    b'],
    [
      'the struct, with lower-case keys in field order',
      withConfig({}),
      '{{ toYaml . | trunc 71 }}',
      'deploymenttargetname: hello-world-app-functional-test\nnamespace: dev-dr',
    ],
    [
      'indented into a ConfigMap',
      HELLO_WORLD,
      'data:\n{{ toYaml .ConfigData | indent 2 }}',
      'data:\n  CLUSTER_NAME: Drone\n  DATABASE_URL: mysql://restricted-host:3306/mysqlrty123\n  ENVIRONMENT: Dev\n  REGION: East US\n  SOME_COMMON_ENVIRONMENT_VARIABLE: "false"',
    ],
  ])('%s', (_name, data, text, expected) => {
    expect(render(text, data)).toBe(expected);
  });

  test('writes "" for cyclic data instead of failing', () => {
    expect(render('[{{ $d := dict }}{{ $_ := set $d "self" $d }}{{ toYaml $d }}]')).toBe('[]');
  });
});

describe('stringify writes arrays as YAML text and keeps nested config maps nested (upstream bug, kept)', () => {
  test('A30: an array value becomes a literal block', () => {
    expect(render('{{ stringify .ConfigData }}', withConfig({ tags: ['Tag1', 'Tag2'] }))).toBe(
      'tags: |\n    - Tag1\n    - Tag2',
    );
  });

  test('stringifies arrays but not nested config maps', () => {
    expect(render('{{ stringify .ConfigData }}', STRUCTURED)).toBe(
      [
        'COUNT: "3"',
        'REGION: East US',
        'empty: ""',
        'module:',
        '    tag:',
        '        reject-tags:',
        '            - R173',
        '            - R018',
        '        short-name: Patch',
        '    window-period: "5"',
        'nothing: null',
        'numbers: |',
        '    - 1',
        '    - 2.5',
        '    - true',
        '    - null',
        'tags: |',
        '    - Tag1',
        '    - Tag2',
      ].join('\n'),
    );
  });

  test.each([
    [
      'stringifies a nested map made by dict (a map[string]interface {})',
      '{{ stringify (dict "a" (dict "b" 1)) }}',
      'a: |\n    b: 1',
    ],
    ['does not stringify a []string', '{{ stringify (dict "a" (splitList "," "x,z")) }}', 'a:\n    - x\n    - z'],
    [
      'is toYaml for anything but a map[string]interface {}',
      '{{ stringify (list 1) }} | {{ stringify .Labels.workload }}',
      '- 1 | hello-world-app',
    ],
    [
      'leaves flat config unchanged',
      '{{ stringify .ConfigData }}',
      'CLUSTER_NAME: Drone\nDATABASE_URL: mysql://restricted-host:3306/mysqlrty123\nENVIRONMENT: Dev\nREGION: East US\nSOME_COMMON_ENVIRONMENT_VARIABLE: "false"',
    ],
  ])('%s', (_name, text, expected) => {
    expect(render(text)).toBe(expected);
  });
});

describe('hash is hashstructure v1.1.0 (FNV-1 64)', () => {
  test.each([
    ['A28: the az-vote config', AZ_VOTE_CONFIG, '3170723027559689098'],
    ['A28: the test-data config', { FactoryName: 'SuperPlant', FactoryType: 'Chemical' }, '12910533096819450271'],
    ['A28: an empty map', {}, '0'],
  ])('%s', (_name, config, expected) => {
    expect(render('{{ hash .ConfigData }}', withConfig(config))).toBe(expected);
  });

  test('names a config catalog like the real configuratix output', () => {
    const data = { ...withConfig(AZ_VOTE_CONFIG), Workload: 'az-vote', ClusterType: 'line1' };
    expect(render('{{ .Workload}}-{{ .ClusterType}}-config-{{ hash .ConfigData}}', data)).toBe(
      'az-vote-line1-config-3170723027559689098',
    );
  });

  test.each([
    ['map key order does not matter', '{{ eq (hash (dict "a" 1 "b" 2)) (hash (dict "b" 2 "a" 1)) }}', 'true'],
    ['list order matters', '{{ eq (hash (list 1 2)) (hash (list 2 1)) }}', 'false'],
    ['an empty list hashes to 0', '{{ hash list }}', '0'],
    ['an int and an int64 hash alike', '{{ eq (hash 1) (hash (add 0 1)) }}', 'true'],
    ['an int and a string differ', '{{ eq (hash 1) (hash "1") }}', 'false'],
    ['nested config values hash', '{{ hash .ConfigData | len | lt 0 }}', 'true'],
  ])('%s', (_name, text, expected) => {
    expect(render(text, STRUCTURED)).toBe(expected);
  });
});

describe('unquote trims spaces, then double quotes, then single quotes', () => {
  test.each([
    ['A29: single quotes and spaces', '{{ unquote "  \'x\'  " }}', 'x'],
    ['A29: double quotes', '{{ unquote "\\"q\\"" }}', 'q'],
    ['A29: a non-string is the empty string', '[{{ unquote 1 }}]', '[]'],
    ['double quotes around single quotes', '{{ unquote "\\"\'both\'\\"" }}', 'both'],
    ['single quotes around double quotes keep the inner ones', '{{ unquote "\'\\"mixed\\"\'" }}', '"mixed"'],
    ['repeated quotes', "{{ unquote \"'''x'''\" }}", 'x'],
    ['a missing key', '[{{ unquote .ConfigData.nokey }}]', '[]'],
  ])('%s', (_name, text, expected) => {
    expect(render(text)).toBe(expected);
  });
});
