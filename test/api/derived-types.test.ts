import * as path from 'path';
import * as ts from 'typescript';
import {
  BASE_REPO,
  CLUSTER_TYPE,
  CONFIG_MAP,
  CONFIG_SCHEMA,
  DEPLOYMENT_TARGET,
  ENVIRONMENT,
  GITOPS_REPO,
  SCHEDULING_POLICY,
  TEMPLATE,
  WORKLOAD,
  WORKLOAD_REGISTRATION,
} from '../../src/core/model/kinds';
import { Fields, ObjectShape } from '../../src/core/model/shape';

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
  /** Dotted path from the type, e.g. `deploymentTargetSelector.matchLabels`. */
  readonly name: string;
  readonly documented: boolean;
  readonly readonly: boolean;
}

/**
 * Every property (own, inherited or derived from a kind definition, and the properties of those holding objects of
 * this package) of the exported types named, as a user's editor sees them through `src/index.ts`: whether each has a
 * doc comment, and whether assigning to it fails.
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

  interface Found {
    readonly type: string;
    readonly name: string;
    readonly symbol: ts.Symbol;
    /** An expression of the property, from `value<n>`. */
    readonly access: string;
  }
  const found: Found[] = [];
  const declaredHere = (type: ts.Type) =>
    (type.getSymbol()?.declarations ?? type.getProperties()[0]?.declarations ?? []).some((declaration) =>
      declaration.getSourceFile().fileName.startsWith(SRC),
    );
  const visit = (type: string, object: ts.Type, name: string, access: string, depth: number) => {
    for (const symbol of checker.getPropertiesOfType(object)) {
      const memberName = name ? `${name}.${symbol.name}` : symbol.name;
      const memberAccess = `${access}[${JSON.stringify(symbol.name)}]`;
      found.push({ type, name: memberName, symbol, access: memberAccess });
      let inner = checker.getNonNullableType(checker.getTypeOfSymbol(symbol));
      let innerAccess = `${memberAccess}!`;
      if (checker.isArrayType(inner)) {
        inner = checker.getTypeArguments(inner as ts.TypeReference)[0];
        innerAccess += '[0]';
      }
      const isObject = inner.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection);
      if (isObject && depth < 3 && symbol.name !== 'source' && declaredHere(inner))
        visit(type, inner, memberName, innerAccess, depth + 1);
    }
  };
  names.forEach((name, index) => {
    const symbol = exported.get(name);
    if (!symbol) throw new Error(`${name} is not exported`);
    visit(name, checker.getDeclaredTypeOfSymbol(symbol), '', `value${index}`, 0);
  });

  // One assignment per property, in a file of its own: a readonly property makes it fail.
  const probe = path.join(SRC, '__readonly-probe.ts');
  const text = [
    `import type * as kalypso from './index';`,
    ...names.map((name, index) => `declare const value${index}: kalypso.${name};`),
    ...found.map(({ access }) => `${access} = ${access};`),
  ].join('\n');
  const host = ts.createCompilerHost(OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language) =>
    file === probe ? ts.createSourceFile(file, text, language) : getSourceFile(file, language);
  const probed = ts.createProgram([INDEX, probe], OPTIONS, host, program);
  const probeFile = probed.getSourceFile(probe)!;
  const diagnostics = probed.getSemanticDiagnostics(probeFile);
  const unexpected = diagnostics.filter((diagnostic) => diagnostic.code !== 2540);
  if (unexpected.length > 0) throw new Error(ts.flattenDiagnosticMessageText(unexpected[0].messageText, '\n'));
  const readonlyLines = new Set(
    diagnostics.map((diagnostic) => probeFile.getLineAndCharacterOfPosition(diagnostic.start!).line),
  );

  const result = new Map<string, Member[]>(names.map((name) => [name, []]));
  const firstLine = 1 + names.length;
  found.forEach(({ type, name, symbol }, index) =>
    result.get(type)!.push({
      name,
      documented: symbol.getDocumentationComment(checker).length > 0,
      readonly: readonlyLines.has(firstLine + index),
    }),
  );
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

  const OBJECT = ['kind', 'name', 'labels', 'source'];
  const PROPS_OF_OBJECT = ['name', 'labels', 'source'];
  test.each<[string, { readonly fields: ObjectShape<Fields> }, string[]]>([
    ['model.ClusterType', CLUSTER_TYPE, OBJECT],
    ['model.SchedulingPolicy', SCHEDULING_POLICY, OBJECT],
    ['model.DeploymentTarget', DEPLOYMENT_TARGET, [...OBJECT, 'configSchemaPaths', 'fromWorkload', 'sourcePath']],
    ['model.Workload', WORKLOAD, [...OBJECT, 'workspace']],
    ['model.WorkloadRegistration', WORKLOAD_REGISTRATION, OBJECT],
    ['model.Environment', ENVIRONMENT, OBJECT],
    ['model.Template', TEMPLATE, OBJECT],
    ['model.ConfigSchema', CONFIG_SCHEMA, OBJECT],
    ['model.BaseRepo', BASE_REPO, OBJECT],
    ['model.GitOpsRepo', GITOPS_REPO, OBJECT],
    ['model.ConfigMap', CONFIG_MAP, OBJECT],
    ['ClusterTypeProps', CLUSTER_TYPE, PROPS_OF_OBJECT],
    ['SchedulingPolicyProps', SCHEDULING_POLICY, PROPS_OF_OBJECT],
    ['DeploymentTargetProps', DEPLOYMENT_TARGET, PROPS_OF_OBJECT],
    ['WorkloadProps', WORKLOAD, [...PROPS_OF_OBJECT, 'workspace']],
    ['WorkloadRegistrationProps', WORKLOAD_REGISTRATION, PROPS_OF_OBJECT],
    ['TemplateProps', TEMPLATE, PROPS_OF_OBJECT],
    ['ConfigSchemaProps', CONFIG_SCHEMA, PROPS_OF_OBJECT],
    ['BaseRepoProps', BASE_REPO, PROPS_OF_OBJECT],
    ['GitOpsRepoProps', GITOPS_REPO, PROPS_OF_OBJECT],
    ['PlatformConfigProps', CONFIG_MAP, [...PROPS_OF_OBJECT, 'platformConfigLabel']],
  ])('%s has the fields of its kind definition (not those dropped), and those of every object', (type, kind, extra) => {
    const fields = Object.entries(kind.fields.fields).filter(([, field]) => field.model !== 'never');
    const topLevel = members.get(type)!.filter((property) => !property.name.includes('.'));
    expect(topLevel.map((property) => property.name).sort()).toEqual(
      [...extra, ...fields.map(([name]) => name)].sort(),
    );
  });

  test('the properties of the objects fields hold are there too, e.g. those of a label selector requirement', () => {
    expect(members.get('SchedulingPolicyProps')!.map((property) => property.name)).toEqual(
      expect.arrayContaining([
        'deploymentTargetSelector.matchLabels',
        'deploymentTargetSelector.matchExpressions.key',
        'deploymentTargetSelector.matchExpressions.values',
        'clusterTypeSelector.matchExpressions.operator',
      ]),
    );
    expect(members.get('model.Workload')!.map((property) => property.name)).toEqual(
      expect.arrayContaining(['deploymentTargets.name', 'deploymentTargets.labels', 'deploymentTargets.manifests']),
    );
  });
});
