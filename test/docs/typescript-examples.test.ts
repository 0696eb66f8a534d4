/**
 * Every complete TypeScript example of the README and the how-to guides — a ```ts block that starts with an import —
 * type-checks against the library as a user would import it (`from 'kalypso-cdk8s'`, here mapped to src/index.ts).
 * An example importing `../platform` is checked beside the `Platform` class that docs/how-to/snapshot-testing.md
 * defines, as the guide tells its reader to lay the files out.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ROOT } from '../support/cli';
import { CodeBlock, codeBlocks } from './markdown-blocks';

const DOCUMENTS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs/how-to')).map((file) => `docs/how-to/${file}`)];

interface Example {
  readonly name: string;
  readonly file: string;
  readonly code: string;
}

const isComplete = (block: CodeBlock) =>
  block.language === 'ts' && /^import /.test(block.code.replace(/^(\s*(\/\/.*|\/\*[\s\S]*?\*\/)?\n)*/, ''));

function examples(): { examples: Example[]; platform: string } {
  const found: Example[] = [];
  let platform = '';
  for (const document of DOCUMENTS) {
    codeBlocks(fs.readFileSync(path.join(ROOT, document), 'utf8'))
      .filter(isComplete)
      .forEach((block) => {
        const name = `${document}:${block.line}`;
        const folder = path.join(ROOT, '.docs-examples', document.replace(/[/.]/g, '-'), String(block.line));
        const file = block.code.includes("from '../platform'")
          ? path.join(folder, 'test', 'example.test.ts')
          : path.join(folder, 'example.ts');
        if (block.code.includes('export class Platform extends ControlPlane')) platform = block.code;
        found.push({ name, file, code: block.code });
      });
  }
  return { examples: found, platform };
}

test('every complete TypeScript example of the README and the how-to guides type-checks against the library', () => {
  const { examples: list, platform } = examples();
  expect(list.length).toBeGreaterThanOrEqual(5);
  expect(platform).not.toBe('');
  const files = new Map<string, string>();
  for (const example of list) {
    files.set(example.file, example.code);
    if (example.file.endsWith(path.join('test', 'example.test.ts')))
      files.set(path.join(path.dirname(path.dirname(example.file)), 'platform.ts'), platform);
  }
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    types: ['node', 'jest'],
    skipLibCheck: true,
    esModuleInterop: true,
    paths: { 'kalypso-cdk8s': [path.join(ROOT, 'src/index.ts')] },
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (file) => files.get(file) ?? readFile(file);
  host.fileExists = (file) => files.has(file) || fileExists(file);
  const folders = new Set([...files.keys()].flatMap((file) => [path.dirname(file), path.dirname(path.dirname(file))]));
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (folder) => folders.has(folder) || (directoryExists?.(folder) ?? fs.existsSync(folder));
  const program = ts.createProgram([...files.keys()], options, host);
  const problems = list.flatMap((example) =>
    [
      ...program.getSyntacticDiagnostics(program.getSourceFile(example.file)),
      ...program.getSemanticDiagnostics(program.getSourceFile(example.file)),
    ].map((diagnostic) => {
      const line =
        diagnostic.file && diagnostic.start !== undefined
          ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
          : 0;
      return `${example.name} (+${line}): ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    }),
  );
  expect(problems).toEqual([]);
});
