// TypeDoc writes the TypeScript API reference, docs/reference/api/, as Markdown from the doc comments of the public API
// (src/index.ts): `npm run docs:api`. The output is committed; it holds no dates or commit ids, so it changes only
// when the API or its comments do.
import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions & import('typedoc-plugin-markdown').PluginOptions>} */
const config = {
  entryPoints: ['src/index.ts'],
  tsconfig: 'src/tsconfig.build.json',
  plugin: ['typedoc-plugin-markdown'],
  out: 'docs/reference/api',
  cleanOutputDir: true,
  readme: 'none',
  name: 'kalypso-cdk8s',
  entryFileName: 'README.md',
  excludeInternal: true,
  excludePrivate: true,
  excludeProtected: true,
  disableSources: true,
  hidePageHeader: true,
  hideBreadcrumbs: true,
  useCodeBlocks: true,
  parametersFormat: 'table',
  interfacePropertiesFormat: 'table',
  classPropertiesFormat: 'table',
  enumMembersFormat: 'table',
  typeDeclarationFormat: 'table',
  sort: ['kind', 'alphabetical'],
  // The classes cdk8s import generates (imports/) document their CRD with @schema.
  blockTags: [...OptionDefaults.blockTags, '@schema'],
  validation: { notExported: false, invalidLink: true, notDocumented: false },
  treatWarningsAsErrors: true,
};

export default config;
