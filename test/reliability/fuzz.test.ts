import fc from 'fast-check';
import * as path from 'path';
import { FolderSource } from '../../src/io/source/folder-source';
import { loadControlPlane } from '../../src/io/source/load';
import { parseYamlDocuments } from '../../src/core/model/yaml-documents';
import { GoMap, goMapKeyId } from '../../src/gotemplate/go/go-map';
import { ConfigKey, ConfigObject, ConfigValue, isConfigObject } from '../../src/core/model/config-value';
import { buildEnvironmentModel } from '../../src/core/model/environments';
import { ControlPlaneObject, EnvironmentModel, LabelSelector, SelectorOperator } from '../../src/core/model/types';
import { validateDocuments } from '../../src/core/model/validate';
import { planEnvironment } from '../../src/app/synthesize/plan-model';
import { mergeConfigValues, parseConfigValue, parseYamlCollection } from '../../src/core/config/parse-config-value';
import { findSelectorMismatch, matchesSelector } from '../../src/core/scheduling/selector';
import { TemplateError, renderManifest } from '../../src/gotemplate/template';
import { cv, f, m } from '../support/config-values';
import { FUZZ_PROPERTIES } from './fuzz/properties';

/*
 * Property-based tests: arbitrary input never makes the core throw anything but its own, expected errors, never
 * hangs (each run is time-boxed) and gives the same plan whatever the order of objects.
 */

const RUN = { numRuns: 300, interruptAfterTimeLimit: 20_000 };

/** Fails the property when one input takes longer than `ms` (a hang shows up as a failure, not a stuck test). */
function timeBoxed<T>(ms: number, action: () => T): T {
  const started = Date.now();
  const result = action();
  const took = Date.now() - started;
  if (took > ms) throw new Error(`took ${took} ms`);
  return result;
}

const yamlish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        'a: ',
        'b:\n',
        '  - ',
        '- ',
        '[',
        ']',
        '{',
        '}',
        ',',
        ':',
        '&x ',
        '*x',
        '<<: *x\n',
        '|',
        '>',
        '"',
        "'",
        '#',
        '\n',
        '  ',
        '---\n',
        'kind: ClusterType\n',
        'metadata: {name: x}\n',
        'spec:\n',
        '!!str ',
        '? ',
        'yes',
        '1e3',
        '~',
        '\t',
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join('')),
);

describe('fuzzing', () => {
  test('the YAML loader and object validation never throw, whatever the text', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        timeBoxed(2000, () => {
          const parsed = parseYamlDocuments(text, 'dev/f.yaml', 'dev');
          validateDocuments(parsed.documents);
        });
      }),
      RUN,
    );
  });

  const labelKey = fc.constantFrom('a', 'b', 'edge', 'size', 'x.io/y');
  const labelValue = fc.constantFrom('', '1', 'true', 'large', 'small');
  const labels = fc.dictionary(labelKey, labelValue, { maxKeys: 4 });
  const selector: fc.Arbitrary<LabelSelector> = fc.record(
    {
      matchLabels: fc.option(labels, { nil: undefined }),
      matchExpressions: fc.option(
        fc.array(
          fc.record({
            key: labelKey,
            operator: fc.constantFrom(...Object.values(SelectorOperator)),
            values: fc.array(labelValue, { maxLength: 3 }),
          }),
          { maxLength: 3 },
        ),
        { nil: undefined },
      ),
    },
    { requiredKeys: [] },
  );

  test('a selector matches exactly when it has no failing requirement; an empty one matches everything', () => {
    fc.assert(
      fc.property(labels, selector, (given, sel) => {
        expect(matchesSelector(given, sel)).toBe(findSelectorMismatch(given, sel) === undefined);
        expect(matchesSelector(given, {})).toBe(true);
        expect(matchesSelector(given, undefined)).toBe(false);
      }),
      RUN,
    );
  });

  const configKey: fc.Arbitrary<ConfigKey> = fc.oneof(
    fc.constantFrom('name', 'k', 'v', 'x', 'true', '1'),
    fc.constantFrom(true, false, 1, null),
    fc.constantFrom(f(1), 1.5, NaN),
  );
  const configValue: fc.Arbitrary<ConfigValue> = fc.letrec<{ value: ConfigValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.string({ maxLength: 8 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(f(1), f(1e6), 1.5),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.array(fc.tuple(configKey, tie('value')), { maxLength: 4 }).map((entries) => GoMap.of(entries)),
    ),
  })).value;

  test('merging config values never throws, never modifies its inputs, and keeps every key of two maps', () => {
    fc.assert(
      fc.property(configValue, configValue, (existing, incoming) => {
        const before = JSON.stringify([existing, incoming]);
        const merged = mergeConfigValues(existing, incoming);
        expect(JSON.stringify([existing, incoming])).toBe(before);
        if (isConfigObject(existing) && isConfigObject(incoming)) {
          // Keys compare as Go compares interface {} values (a NaN key is never found again, so it is always added).
          const ids = (map: ConfigObject) =>
            map
              .keys()
              .map((key) => goMapKeyId(key) ?? 'NaN')
              .sort();
          const nan = (map: ConfigObject) => ids(map).filter((id) => id === 'NaN');
          expect(ids(merged as ConfigObject)).toEqual(
            [
              ...new Set([...ids(existing), ...ids(incoming)].filter((id) => id !== 'NaN')),
              ...nan(existing),
              ...nan(incoming),
            ].sort(),
          );
        }
        if (!isConfigObject(incoming) && !Array.isArray(incoming)) expect(merged).toStrictEqual(incoming);
      }),
      RUN,
    );
  });

  test('parsing a config value never throws', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        timeBoxed(2000, () => parseConfigValue(text));
      }),
      RUN,
    );
  });

  test('a config value is a list or map exactly when its YAML is (the shortcut for plain strings skips none)', () => {
    const scalarish = fc
      .array(
        fc.constantFrom(
          'a',
          'b',
          '1',
          '-',
          ':',
          '?',
          '!',
          '#',
          '&x',
          '*x',
          ' ',
          '\n',
          '\t',
          '"',
          '%',
          '@',
          '`',
          '|',
          '>',
          '.',
          ',',
          '/',
          '~',
          '---',
        ),
        { maxLength: 20 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(yamlish, scalarish), (text) => {
        const trimmed = text.trim();
        fc.pre(!(trimmed.startsWith("'") && trimmed.endsWith("'")));
        expect(parseConfigValue(text)).toStrictEqual(parseYamlCollection(text) ?? text);
      }),
      { ...RUN, numRuns: 1000 },
    );
  });

  const templateText = fc
    .array(
      fc.constantFrom(
        '{{',
        '}}',
        '{{-',
        '-}}',
        ' ',
        '.',
        '.Namespace',
        '.ConfigData.X',
        '.ConfigData.T',
        '.ConfigData.L',
        '.Labels',
        '$x',
        ':=',
        '|',
        'if',
        'else',
        'end',
        'range',
        'with',
        'define "t"',
        'template "t"',
        'printf "%s"',
        'toYaml',
        'indent 2',
        'hash',
        'len',
        'index',
        '"s"',
        '1',
        '(',
        ')',
        'and',
        'not',
        'eq',
        'a',
        '\n',
        'env "HOME"',
        'nosuchfunction',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(' '));
  const data = {
    DeploymentTargetName: 'w-t',
    Namespace: 'dev-ct-w-t',
    Environment: 'dev',
    Workspace: 'team',
    Workload: 'w',
    Labels: { a: '1' },
    Manifests: { repo: 'r' },
    ClusterType: 'ct',
    ConfigData: { X: 'x', L: ['a', f(1e6)], M: cv({ k: 'v' }), T: m([true, 2], [1, 'a'], [f(1), 'b'], [null, 'c']) },
  };

  test('the template engine only ever throws TemplateError, and never hangs', () => {
    fc.assert(
      fc.property(templateText, (text) => {
        timeBoxed(2000, () => {
          try {
            renderManifest(text, data, { name: 'fuzz' });
          } catch (e) {
            if (!(e instanceof TemplateError)) throw e;
          }
        });
      }),
      RUN,
    );
  });
});

describe('fuzzing the reliability classes (briefly; `npm run fuzz -- --minutes N` runs them longer)', () => {
  test.each(FUZZ_PROPERTIES.map((property) => [property.name, property] as const))(
    '%s',
    async (_name, property) => {
      await property.check({ numRuns: 10_000, interruptAfterTimeLimit: 3_000 });
    },
    60_000,
  );
});

describe('determinism', () => {
  let objects: ControlPlaneObject[];
  let environment: EnvironmentModel;
  beforeAll(async () => {
    const { model, problems } = await loadControlPlane(
      new FolderSource(path.join(__dirname, '../../examples/tutorial')),
    );
    expect(problems).toEqual([]);
    environment = model.environments[0];
    objects = [
      ...environment.clusterTypes,
      ...environment.schedulingPolicies,
      ...environment.configMaps,
      ...environment.baseRepos,
      ...environment.gitOpsRepos,
      ...environment.templates,
    ];
  });

  test('the plan is the same whatever the order of files and documents', () => {
    const reference = planEnvironment(environment).files;
    fc.assert(
      fc.property(
        fc.shuffledSubarray(objects, { minLength: objects.length, maxLength: objects.length }),
        (shuffled) => {
          const model = buildEnvironmentModel(
            { name: environment.name, branch: environment.branch },
            shuffled,
            environment.workloads,
          );
          expect(planEnvironment(model).files).toEqual(reference);
        },
      ),
      { numRuns: 25 },
    );
  });
});
