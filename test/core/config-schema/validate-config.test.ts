import {
  ConfigSchemaCompiler,
  configSchemasFor,
  configValidationProblems,
  formatKalypsoValidationError,
  invalidSchemaProblems,
  inlineSchemaSources,
  validateConfig,
} from '../../../src/core/config-schema';
import { ConfigSchemaSource, SchemaFailure } from '../../../src/core/config-schema/validate-config';
import { ConfigData } from '../../../src/core/model/config-value';
import { formatProblem } from '../../../src/core/model/problems';
import { ConfigSchema } from '../../../src/core/model/types';
import { parseConfigValue } from '../../../src/core/config/parse-config-value';
import { unfoldWorkload } from '../../../src/core/scheduling/unfold';
import { cv } from '../../support/config-values';
import { clusterType, deploymentTarget, workload } from '../../support/objects';

/** The schema of upstream's `config_validator_test.go` (U11), tabs and all. */
const U11_SCHEMA = `
\t{
\t\t\t"$schema": "http://json-schema.org/draft-07/schema#",
\t\t\t"title": "Values",
\t\t\t"description": "Values for the helm chart",
\t\t\t"type": "object",
\t\t\t"properties": {
\t\t\t\t"stringRequired": {
\t\t\t\t\t"type": "string"
\t\t\t\t},
\t\t\t\t"intRequired": {
\t\t\t\t\t"type": "integer",
\t\t\t\t\t"minimum": -90,
\t\t\t\t\t"maximum": 90
\t\t
\t\t\t\t\t},
\t\t\t\t\t"numberRequired": {
\t\t\t\t\t\t"type": "number",
\t\t\t\t\t\t"exclusiveMinimum": 0
\t\t\t\t\t},
\t\t\t\t\t"stringOptional": {
\t\t\t\t\t\t"type": "string"
\t\t\t\t\t},
\t\t\t\t\t"phoneOptional": {
\t\t\t\t\t\t"type": "string",
\t\t\t\t\t\t"pattern": "^(\\\\([0-9]{3}\\\\))?[0-9]{3}-[0-9]{4}$"
\t\t\t\t\t}
\t\t\t\t},
\t\t\t\t"required": [
\t\t\t\t\t"stringRequired",
\t\t\t\t\t"intRequired",
\t\t\t\t\t"numberRequired"
\t\t\t\t]
\t\t\t}

`;

/** The ConfigSchema of eedorenko/configuratix-kalypso-control-plane@main:configs/configSchema.yaml. */
const CONFIGURATIX_SCHEMA = `{
"$schema": "http://json-schema.org/draft-07/schema#",
"title": "Platform Config Schema",
"description": "Schema for platform config",
"type": "object",
"properties": {
  "factoryName": {
  "type": "string",
  "description": "Factory Name"
  },
  "factoryID": {
  "type": "integer",
  "description": "Factory ID",
  "exclusiveMinimum": 0
  }
}
}\t`;

function inline(text: string, name = 'schema'): ConfigSchemaSource {
  return { name, text, object: 'DeploymentTarget/t', field: 'spec.configSchemas[0]' };
}

function kalypsoMessage(config: ConfigData, ...schemas: string[]): string | undefined {
  const failures = validateConfig(
    config,
    schemas.map((text, i) => inline(text, `s${i}`)),
    new ConfigSchemaCompiler(),
  );
  return formatKalypsoValidationError(failures);
}

describe('upstream unit test U11 and acceptance cases A18–A21', () => {
  test('U11/A18: the upstream values pass, "0" and "3.14" read as numbers', () => {
    expect(
      kalypsoMessage(
        {
          stringRequired: 'value1',
          intRequired: '0',
          numberRequired: '3.14',
          phoneOptional: '(888)555-1212',
        },
        U11_SCHEMA,
      ),
    ).toBeUndefined();
  });

  test('fails A19 with both missing required properties, in the order the schema lists them', () => {
    expect(kalypsoMessage({ intRequired: '0' }, U11_SCHEMA)).toBe(
      'Config data validation failed: \n - stringRequired is required\n- numberRequired is required\n',
    );
  });

  test('fails A20: a numeric-looking string is a number, so "555" is not a string', () => {
    expect(
      kalypsoMessage({ stringRequired: 'x', intRequired: '91', numberRequired: '0', phoneOptional: '555' }, U11_SCHEMA),
    ).toBe(
      'Config data validation failed: \n - intRequired: Must be less than or equal to 90\n- numberRequired: Must be greater than 0\n- phoneOptional: Invalid type. Expected: string, given: integer\n',
    );
  });

  test('fails the configuratix schema with a factory ID of 0 (docs/explanation/scheduling-and-config.md#platform-config)', () => {
    expect(kalypsoMessage({ factoryName: 'Tabler Station', factoryID: '0' }, CONFIGURATIX_SCHEMA)).toBe(
      'Config data validation failed: \n - factoryID: Must be greater than 0\n',
    );
  });

  test('fails A21 with two failing schemas joined by a newline', () => {
    expect(kalypsoMessage({ intRequired: '0', factoryID: '-1' }, U11_SCHEMA, CONFIGURATIX_SCHEMA)).toBe(
      'Config data validation failed: \n - stringRequired is required\n- numberRequired is required\n\n- factoryID: Must be greater than 0\n',
    );
  });

  test('passes the configuratix schema with the factory config of tabler-station ("11" reads as 11)', () => {
    expect(
      kalypsoMessage(
        {
          factoryName: 'Tabler Station',
          factoryID: '11',
          deviceName: 'test123456789',
          acrHostname: 'pg.acr.io',
          replicas: '2',
          'uc2-config.yaml': cv({ backendVersion: 'v1234', uiEnabled: 'true' }),
        },
        CONFIGURATIX_SCHEMA,
      ),
    ).toBeUndefined();
  });

  test.each([
    [
      '"5" in a string property',
      { stringRequired: '5' },
      '- stringRequired: Invalid type. Expected: string, given: integer',
    ],
    [
      '"1e3" (a float that is whole)',
      { stringRequired: '1e3' },
      '- stringRequired: Invalid type. Expected: string, given: integer',
    ],
    ['".5"', { stringRequired: '.5' }, '- stringRequired: Invalid type. Expected: string, given: number'],
    [
      'a hex float "0x1p-2"',
      { stringRequired: '0x1p-2' },
      '- stringRequired: Invalid type. Expected: string, given: number',
    ],
    ['"+7"', { stringRequired: '+7' }, '- stringRequired: Invalid type. Expected: string, given: integer'],
    [
      '"1_000" (ParseFloat takes Go literal underscores)',
      { stringRequired: '1_000' },
      '- stringRequired: Invalid type. Expected: string, given: integer',
    ],
  ])('fails the numeric-coercion quirk: %s', (_name, values, line) => {
    expect(kalypsoMessage({ intRequired: '1', numberRequired: '1', ...values }, U11_SCHEMA)).toBe(
      `Config data validation failed: \n ${line}\n`,
    );
  });

  test.each([
    ['"0x1F" (Go\'s ParseFloat wants a p exponent)', '0x1F'],
    ['"1,5"', '1,5'],
    ['" 5" (Atoi and ParseFloat do not trim)', ' 5'],
    ['"-nan" (a sign only goes before "inf")', '-nan'],
  ])('keeps %s a string', (_name, text) => {
    expect(kalypsoMessage({ intRequired: '1', numberRequired: '1', stringRequired: text }, U11_SCHEMA)).toBeUndefined();
  });

  test('leaves nested values as they are: a nested "5" stays a string', () => {
    const schema = '{"properties": {"m": {"properties": {"n": {"type": "string"}}}}}';
    expect(kalypsoMessage({ m: cv({ n: '5' }) }, schema)).toBeUndefined();
    expect(kalypsoMessage({ m: cv({ n: 5 }) }, schema)).toBe(
      'Config data validation failed: \n - m.n: Invalid type. Expected: string, given: integer\n',
    );
  });

  test('validates typed map keys under the names json-iterator writes, and float64s as JSON numbers', () => {
    // yaml.v2 reads `y:` as the boolean key true and `1:` as the int key 1; json-iterator (which upstream marshals
    // the values with, unlike encoding/json) writes them as the properties "true" and "1".
    const config = { M: parseConfigValue('y: 2\n1: x\n'), L: parseConfigValue('[1e6, 1.0]') };
    const schema = (m: string) =>
      `{"properties": {"M": {"properties": ${m}, "additionalProperties": false}, "L": {"items": {"type": "integer"}}}}`;
    expect(kalypsoMessage(config, schema('{"true": {"type": "integer"}, "1": {"type": "string"}}'))).toBeUndefined();
    expect(kalypsoMessage(config, schema('{"true": {"type": "string"}, "1": {}}'))).toBe(
      'Config data validation failed: \n - M.true: Invalid type. Expected: string, given: integer\n',
    );
    expect(kalypsoMessage(config, schema('{"y": {}, "1": {}}'))).toBe(
      'Config data validation failed: \n - M: Additional property true is not allowed\n',
    );
  });

  test('fails every schema when a map has a null key, on which json-iterator panics', () => {
    expect(kalypsoMessage({ M: parseConfigValue('~: x\n') }, '{}', '{}')).toBe(
      'Config data validation failed: \n unable to validate schema: runtime error: invalid memory address or nil pointer dereference' +
        '\nunable to validate schema: runtime error: invalid memory address or nil pointer dereference',
    );
  });

  test('fails every schema when a value reads as NaN or infinity, which JSON cannot hold', () => {
    expect(kalypsoMessage({ mode: 'Inf' }, '{}')).toBe('Config data validation failed: \n unsupported value: +Inf');
    expect(kalypsoMessage({ mode: 'nan' }, '{}', '{}')).toBe(
      'Config data validation failed: \n unsupported value: NaN\nunsupported value: NaN',
    );
  });

  test('validates an empty config as an empty object', () => {
    expect(kalypsoMessage({}, '{"required": ["a"]}')).toBe('Config data validation failed: \n - a is required\n');
  });
});

describe('which schemas apply (docs/explanation/scheduling-and-config.md#platform-config)', () => {
  const drone = clusterType('drone', { region: 'east-us' });
  const target = {
    ...deploymentTarget('app-ft', { workload: 'app', purpose: 'ft' }),
    configSchemas: ['{"title": "inline"}'],
  };
  const schema = (name: string, labels: Record<string, string>): ConfigSchema => ({
    kind: 'ConfigSchema',
    name,
    labels,
    schema: `{"title": "${name}"}`,
  });

  test("selects ConfigSchemas by the labels platform ConfigMaps use, in name order, then the target's own (A21)", () => {
    const selected = configSchemasFor(
      [
        schema('z-every', {}),
        schema('other-cluster-type', { 'cluster-type': 'other' }),
        schema('a-drone', { 'cluster-type': 'drone' }),
        schema('by-workload', { workload: 'app', 'platform-config': 'true' }),
        schema('by-target-label', { purpose: 'ft' }),
        schema('by-region', { region: 'west-us' }),
        schema('short-target-name', { 'deployment-target': 'ft' }),
      ],
      drone,
      target,
    );
    expect(selected.map((source) => source.name)).toEqual([
      'ConfigSchema "a-drone"',
      'ConfigSchema "by-target-label"',
      'ConfigSchema "by-workload"',
      'ConfigSchema "z-every"',
      'configSchemas[0] of deployment target "app-ft"',
    ]);
  });

  test('names inline schemas by their index on the target and places them in the Workload that wrote them', () => {
    const [unfolded] = unfoldWorkload(
      workload(
        'app',
        {},
        [
          {
            name: 'ft',
            labels: {},
            environment: 'dev',
            manifests: {},
            configSchemas: ['S1'],
          },
        ],
        { configSchemas: ['S0'] },
      ),
      'dev',
    );
    expect(
      inlineSchemaSources(unfolded).map(({ name, text, object, field }) => ({ name, text, object, field })),
    ).toEqual([
      {
        name: 'configSchemas[0] of deployment target "app-ft"',
        text: 'S1',
        object: 'Workload/app',
        field: 'spec.deploymentTargets[0].configSchemas[0]',
      },
      {
        name: 'configSchemas[1] of deployment target "app-ft"',
        text: 'S0',
        object: 'Workload/app',
        field: 'spec.configSchemas[0]',
      },
    ]);
  });
});

describe('problems of a failing assignment', () => {
  const compiler = new ConfigSchemaCompiler();
  const configuratix: ConfigSchemaSource = {
    name: 'ConfigSchema "platform-config-schema"',
    text: CONFIGURATIX_SCHEMA,
    object: 'ConfigSchema/platform-config-schema',
    field: 'spec.schema',
    location: { file: 'main/configs/configSchema.yaml', line: 5, column: 3 },
  };

  test('name the schema, the deployment target, the cluster type, the field with its rule, the value and its ConfigMap', () => {
    const config = { factoryID: '0', factoryName: '42' };
    const failures = validateConfig(config, [configuratix], compiler);
    const problems = configValidationProblems(failures, {
      clusterType: 'tabler-station-ffr01',
      deploymentTarget: 'busybox-uc2-perline',
      config,
      provenance: {
        factoryID: [
          {
            configMap: 'tabler-station-global-config',
            rawKey: 'factoryID',
            value: '0',
            location: { file: 'dev/factory.yaml', line: 10, column: 3 },
          },
        ],
      },
    });
    expect(problems.map(formatProblem)).toEqual([
      'main/configs/configSchema.yaml:5:3  ConfigSchema/platform-config-schema  spec.schema  config of deployment target "busybox-uc2-perline" on cluster type "tabler-station-ffr01" fails ConfigSchema "platform-config-schema": factoryID: Must be greater than 0 (got "0")  set by ConfigMap tabler-station-global-config (dev/factory.yaml:10:3)',
      'main/configs/configSchema.yaml:5:3  ConfigSchema/platform-config-schema  spec.schema  config of deployment target "busybox-uc2-perline" on cluster type "tabler-station-ffr01" fails ConfigSchema "platform-config-schema": factoryName: Invalid type. Expected: string, given: integer (got "42")  Kalypso validates a config value that reads as a number as that number, as upstream does',
    ]);
  });

  test('say nothing about a value for a missing property', () => {
    const failures = validateConfig(
      {},
      [inline('{"required": ["REGION"]}', 'configSchemas[0] of deployment target "t"')],
      compiler,
    );
    expect(
      configValidationProblems(failures, { clusterType: 'c', deploymentTarget: 't', config: {} }).map(formatProblem),
    ).toEqual([
      'DeploymentTarget/t  spec.configSchemas[0]  config of deployment target "t" on cluster type "c" fails configSchemas[0] of deployment target "t": REGION is required',
    ]);
  });

  test('explain a map with a null key', () => {
    const config = { M: parseConfigValue('a:\n  ~: x\n') };
    const failures = validateConfig(config, [inline('{}', 'configSchemas[0] of deployment target "t"')], compiler);
    expect(
      configValidationProblems(failures, { clusterType: 'c', deploymentTarget: 't', config }).map(
        (p) => `${p.message} (got ${p.got})`,
      ),
    ).toEqual([
      'config of deployment target "t" on cluster type "c" cannot be checked against configSchemas[0] of deployment target "t": config value M.a is a map with a null key (~), which Kalypso\'s JSON encoder cannot write (upstream: "unable to validate schema: runtime error: invalid memory address or nil pointer dereference") (got {"null":"x"})',
    ]);
  });

  test('explain a value that reads as infinity', () => {
    const failures = validateConfig(
      { LIMIT: 'Infinity' },
      [inline('{}', 'configSchemas[0] of deployment target "t"')],
      compiler,
    );
    expect(
      configValidationProblems(failures, {
        clusterType: 'c',
        deploymentTarget: 't',
        config: { LIMIT: 'Infinity' },
      }).map((p) => `${p.message} (got ${p.got})`),
    ).toEqual([
      'config of deployment target "t" on cluster type "c" cannot be checked against configSchemas[0] of deployment target "t": config value LIMIT reads as the number +Inf, which JSON cannot hold (got "Infinity")',
    ]);
  });
});

describe('schemas that cannot be used', () => {
  test.each([
    [
      'not JSON',
      '{\n  "type": "object",\n}',
      'is not valid JSON: Expected double-quoted property name (line 3, column 1 of the schema)',
    ],
    [
      'YAML rather than JSON',
      'type: object',
      'is not valid JSON: Unexpected token \'y\', "type: object" is not valid JSON',
    ],
    ['an empty text', '  \n', 'is empty; it must hold a JSON Schema document'],
    ['a JSON array', '[]', 'is not a JSON Schema: the document must be an object'],
    [
      'an unknown type',
      '{"type": "text"}',
      'is not a valid JSON Schema: data/type must be equal to one of the allowed values, data/type must be array, data/type must match a schema in anyOf',
    ],
    [
      'a reference to a remote schema',
      '{"$ref": "https://example.com/schema.json"}',
      "is not a valid JSON Schema: can't resolve reference https://example.com/schema.json from id #",
    ],
  ])('fails on %s, once per schema, at the schema', (_name, text, message) => {
    const source: ConfigSchemaSource = {
      ...inline(text, 'ConfigSchema "bad"'),
      object: 'ConfigSchema/bad',
      field: 'spec.schema',
      location: { file: 'main/bad.yaml', line: 6, column: 3 },
    };
    const problems = invalidSchemaProblems([source, source], new ConfigSchemaCompiler());
    expect(problems.map(formatProblem)).toEqual([
      `main/bad.yaml:6:3  ConfigSchema/bad  spec.schema  ConfigSchema "bad" ${message}`,
    ]);
  });

  test('fails every assignment that uses one, without a second message', () => {
    const failures: SchemaFailure[] = validateConfig(
      { a: 'b' },
      [inline('{', 'ConfigSchema "bad"')],
      new ConfigSchemaCompiler(),
    );
    expect(failures).toEqual([
      {
        schema: expect.objectContaining({ name: 'ConfigSchema "bad"' }),
        invalid: expect.stringMatching(/^is not valid JSON/),
      },
    ]);
    expect(configValidationProblems(failures, { clusterType: 'c', deploymentTarget: 't', config: {} })).toEqual([]);
  });
});
