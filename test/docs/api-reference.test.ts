/**
 * The committed TypeScript API reference (docs/reference/api/, written by `npm run docs:api`) names exactly the
 * symbols the package exports: a page per class, interface, enum, function, type and constant, and aliases listed in
 * its index. Regenerating takes about a minute, so this test checks the names only; after changing a doc comment,
 * run `npm run docs:api` and commit the result.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ROOT } from '../support/cli';

const API = path.join(ROOT, 'docs/reference/api');
const FOLDERS = ['classes', 'interfaces', 'enumerations', 'functions', 'type-aliases', 'variables'];

function exportedNames(): string[] {
  const index = path.join(ROOT, 'src/index.ts');
  const program = ts.createProgram([index], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
  });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(index)!)!;
  return checker.getExportsOfModule(module).map((symbol) => symbol.getName());
}

test('the API reference has a page for every export of the package, and none for anything else', () => {
  const names = exportedNames().filter((name) => name !== 'model');
  const pages = FOLDERS.flatMap((folder) =>
    fs.existsSync(path.join(API, folder))
      ? fs.readdirSync(path.join(API, folder)).map((file) => file.replace(/\.md$/, ''))
      : [],
  );
  const index = fs.readFileSync(path.join(API, 'README.md'), 'utf8');
  const documented = (name: string) => pages.includes(name) || index.includes(`### ${name}\n`);
  expect(names.filter((name) => !documented(name))).toEqual([]);
  expect(pages.filter((page) => !names.includes(page)).sort()).toEqual([]);
  expect(fs.existsSync(path.join(API, 'kalypso-cdk8s/namespaces/model/README.md'))).toBe(true);
  expect(names.length).toBeGreaterThan(100);
});
