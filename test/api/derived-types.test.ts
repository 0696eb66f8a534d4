import * as path from 'path';
import * as ts from 'typescript';

const SRC = path.join(__dirname, '../../src');
const INDEX = path.join(SRC, 'index.ts');

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  noEmit: true,
};

interface Member {
  readonly name: string;
  readonly documented: boolean;
  readonly readonly: boolean;
}

/**
 * Every property (own, inherited or derived from a kind definition) of the exported types of the package named, as a
 * user's editor sees it through `src/index.ts`: whether it has a doc comment, and whether assigning to it fails.
 */
function membersOf(names: readonly string[]): Map<string, Member[]> {
  const program = ts.createProgram([INDEX], OPTIONS);
  const checker = program.getTypeChecker();
  const exported = new Map<string, ts.Symbol>();
  const collect = (module: ts.Symbol, prefix: string) => {
    for (const symbol of checker.getExportsOfModule(module)) {
      const resolved = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (resolved.flags & ts.SymbolFlags.ValueModule) collect(resolved, `${prefix}${symbol.name}.`);
      else exported.set(`${prefix}${symbol.name}`, resolved);
    }
  };
  collect(checker.getSymbolAtLocation(program.getSourceFile(INDEX)!)!, '');
  const properties = names.map((name) => {
    const symbol = exported.get(name);
    if (!symbol) throw new Error(`${name} is not exported`);
    return { name, properties: checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)) };
  });

  // One assignment per property, in a file of its own: a readonly property makes it fail.
  const lines = properties.flatMap(({ name, properties: members }, index) => [
    `declare const value${index}: kalypso.${name};`,
    ...members.map(
      (member) => `value${index}[${JSON.stringify(member.name)}] = value${index}[${JSON.stringify(member.name)}];`,
    ),
  ]);
  const probe = path.join(SRC, '__readonly-probe.ts');
  const text = [`import type * as kalypso from './index';`, ...lines].join('\n');
  const host = ts.createCompilerHost(OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language) =>
    file === probe ? ts.createSourceFile(file, text, language) : getSourceFile(file, language);
  const probed = ts.createProgram([INDEX, probe], OPTIONS, host, program);
  const probeFile = probed.getSourceFile(probe)!;
  const readonlyLines = new Set(
    probed
      .getSemanticDiagnostics(probeFile)
      .filter((diagnostic) => diagnostic.code === 2540)
      .map((diagnostic) => probeFile.getLineAndCharacterOfPosition(diagnostic.start!).line),
  );

  const result = new Map<string, Member[]>();
  let line = 1;
  for (const { name, properties: members } of properties) {
    line++;
    result.set(
      name,
      members.map((member) => ({
        name: member.name,
        documented: member.getDocumentationComment(checker).length > 0,
        readonly: readonlyLines.has(line++),
      })),
    );
  }
  return result;
}

const PROPS = [
  'BaseRepoProps',
  'ClusterTypeProps',
  'ConfigSchemaProps',
  'DeploymentTargetOptions',
  'DeploymentTargetProps',
  'GitOpsRepoProps',
  'PlatformConfigProps',
  'SchedulingPolicyProps',
  'TemplateProps',
  'WorkloadDeploymentTarget',
  'WorkloadProps',
  'WorkloadRegistrationProps',
];
const MODEL = [
  'ClusterType',
  'SchedulingPolicy',
  'DeploymentTarget',
  'Workload',
  'WorkloadTarget',
  'WorkloadRegistration',
  'Environment',
  'Template',
  'ConfigSchema',
  'BaseRepo',
  'GitOpsRepo',
  'ConfigMap',
  'LabelSelector',
  'LabelSelectorRequirement',
  'RepositoryRef',
].map((name) => `model.${name}`);

describe('types derived from the kind definitions', () => {
  const members = membersOf([...PROPS, ...MODEL]);

  test('every property of construct props and model types has a doc comment, from the kind definition', () => {
    const undocumented = [...members].flatMap(([type, properties]) =>
      properties.filter((property) => !property.documented).map((property) => `${type}.${property.name}`),
    );
    expect(undocumented).toEqual([]);
  });

  test('every property of construct props and model types is readonly', () => {
    const writable = [...members].flatMap(([type, properties]) =>
      properties.filter((property) => !property.readonly).map((property) => `${type}.${property.name}`),
    );
    expect(writable).toEqual([]);
  });

  test.each([
    ['ClusterTypeProps', ['name', 'labels', 'source', 'reconciler', 'namespaceService', 'configType']],
    [
      'model.SchedulingPolicy',
      ['kind', 'name', 'labels', 'source', 'deploymentTargetSelector', 'clusterTypeSelector', 'workspace'],
    ],
    [
      'model.DeploymentTarget',
      [
        'configSchemaPaths',
        'fromWorkload',
        'sourcePath',
        'kind',
        'name',
        'labels',
        'source',
        'environment',
        'manifests',
        'configSchemas',
      ],
    ],
  ])('%s has the fields of its kind and of every object', (type, expected) => {
    expect(
      members
        .get(type)!
        .map((property) => property.name)
        .sort(),
    ).toEqual([...expected].sort());
  });
});
