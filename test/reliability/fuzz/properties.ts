import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigSchemaCompiler } from '../../../src/core/config-schema';
import { loadYamlWithLimits } from '../../../src/core/model/yaml-documents';
import { TemplateError, renderManifest } from '../../../src/gotemplate/template';
import { compileGlob } from '../../../src/io/source/glob';
import { IgnoreMatcher } from '../../../src/io/source/source-ignore';
import { WorkloadSourceError, readLocalWorkload } from '../../../src/io/source/workload-sources';
import { OutputError } from '../../../src/io/output/output-lock';
import { STATE_DIR, writeOutput } from '../../../src/io/output/write';

/*
 * The fuzzed properties of the reliability classes: every input-driven cost is bounded (each input is time-boxed, so
 * a hang shows as a failure) and nothing outside its root is ever read. `fuzz.test.ts` runs them briefly with every
 * `npm test`; `npm run fuzz -- --minutes N` runs them for as long as asked (see run-fuzz.ts).
 */

/** A named property; `check` runs it with the given fast-check parameters and rejects with the counterexample. */
export interface FuzzProperty {
  readonly name: string;
  check(parameters: fc.Parameters<unknown>): Promise<void>;
}

function defineProperty<Ts extends [unknown, ...unknown[]]>(name: string, property: fc.IRawProperty<Ts>): FuzzProperty {
  return { name, check: async (parameters) => fc.assert(property, parameters as fc.Parameters<Ts>) };
}

/** Fails when one input takes longer than `ms` (a hang shows up as a failure, not as a stuck run). */
export function timeBoxed<T>(ms: number, what: string, action: () => T): T {
  const started = Date.now();
  const result = action();
  const took = Date.now() - started;
  if (took > ms) throw new Error(`${what} took ${took} ms, more than ${ms}`);
  return result;
}

function fail(message: string): never {
  throw new Error(message);
}

// --- templates ---

const TEMPLATE_DATA = {
  DeploymentTargetName: 'w-t',
  Namespace: 'dev-ct-w-t',
  Environment: 'dev',
  Workspace: 'team',
  Workload: 'w',
  Labels: { a: '1' },
  Manifests: { repo: 'r' },
  ClusterType: 'ct',
  ConfigData: { X: 'x', S: 'a'.repeat(2000), L: ['a', 'b'], M: { k: 'v' } },
};

/** A YAML alias bomb of `levels` levels of nine. */
export function aliasBomb(levels: number): string {
  let text = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let level = 1; level < levels; level++) {
    text += `a${level}: &a${level} [${Array(9)
      .fill(`*a${level - 1}`)
      .join(',')}]\n`;
  }
  return text;
}

const templatePiece = fc.oneof(
  fc.constantFrom(aliasBomb(7), aliasBomb(10)),
  fc.constantFrom(
    '{{ range until 100000 }}',
    '{{ range 300000 }}',
    '{{ range $i := until 1000 }}',
    '{{ end }}',
    '{{ if true }}',
    '{{ else }}',
    '{{ $s := repeat 100000 "a" }}',
    '{{ $s := repeat 1000000 "ab" }}',
    '{{ $s = printf "%s%s" $s $s }}',
    '{{ $l := until 50000 }}',
    '{{ $d := dict "a" $l "b" $l }}',
    '{{ sha256sum $s }}',
    '{{ sha1sum .ConfigData.S }}',
    '{{ b64enc $s | len }}',
    '{{ hash $l }}',
    '{{ hash $d }}',
    '{{ deepCopy $d | len }}',
    '{{ toYaml $d | len }}',
    '{{ toJson $l | len }}',
    '{{ regexMatch "^(a+)+$" $s }}',
    '{{ regexMatch "^(a|aa)*b$" .ConfigData.S }}',
    '{{ regexFindAll "(a*)*" $s -1 | len }}',
    '{{ regexReplaceAll "(a+)+b" $s "x" | len }}',
    '{{ regexSplit "a*" $s -1 | len }}',
    '{{ define "t" }}{{ template "t" . }}{{ end }}{{ template "t" . }}',
    '{{ $x := "{{ \\"{{\\" }}" }}{{ $x }}',
    'a: &a ["x","x","x","x","x","x","x","x","x"]\n',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n',
    'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n',
    's: &s "{{ repeat 100000 "x" }}"\nt: [*s,*s,*s,*s,*s,*s,*s,*s,*s,*s,*s,*s,*s,*s,*s,*s]\n',
    '{{ range until 60 }}[{{ end }}',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
    '---\n',
    '{{ .Namespace }}',
    '{{ nosuchfunction }}',
    '{{',
    '}}',
  ),
  fc.string({ maxLength: 8 }),
);

/** Any template text: it renders or fails with a TemplateError, and its output parses or is refused, in bounded time. */
const templates = defineProperty(
  'templates: rendering and parsing the output stay within budget',
  fc.property(fc.array(templatePiece, { maxLength: 12 }), (pieces) => {
    const text = pieces.join('');
    timeBoxed(8000, `rendering ${JSON.stringify(text)}`, () => {
      let output: string;
      try {
        output = renderManifest(text, TEMPLATE_DATA, { name: 'fuzz' });
      } catch (e) {
        if (e instanceof TemplateError) return;
        throw e;
      }
      loadYamlWithLimits(output, 'output', undefined, 10_000);
    });
  }),
);

// --- ConfigSchema patterns ---

const regexAtom = fc.constantFrom(
  'a',
  'b',
  '.',
  '\\d',
  '\\w',
  '\\s',
  '[ab]',
  '[^a]',
  '(?:a|aa)',
  'a?',
  '\\b',
  '^',
  '$',
);
const regex: fc.Arbitrary<string> = fc.letrec<{ re: string }>((tie) => ({
  re: fc.oneof(
    { depthSize: 'small' },
    regexAtom,
    fc.tuple(tie('re'), tie('re')).map(([a, b]) => a + b),
    fc.tuple(tie('re'), tie('re')).map(([a, b]) => `(${a}|${b})`),
    fc.tuple(tie('re'), fc.constantFrom('*', '+', '?', '{2,5}', '*?', '{0,}')).map(([a, q]) => `(${a})${q}`),
  ),
})).re;
const subject = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc
    .tuple(fc.constantFrom('a', 'ab', ' a', 'aa'), fc.integer({ min: 1, max: 3000 }), fc.constantFrom('', '!', 'b'))
    .map(([unit, count, end]) => unit.repeat(count) + end),
);

const configSchemaPatterns = defineProperty(
  'ConfigSchema patterns: compiling and matching any pattern stays within budget',
  fc.property(regex, subject, (pattern, value) => {
    timeBoxed(2000, `pattern ${JSON.stringify(pattern)} on ${value.length} characters`, () => {
      const compiled = new ConfigSchemaCompiler().compile(
        JSON.stringify({ properties: { v: { pattern } }, patternProperties: { [pattern]: { type: 'string' } } }),
      );
      if ('validate' in compiled) compiled.validate({ v: value, [value]: value });
    });
  }),
);

// --- .sourceignore ---

const globPiece = fc.constantFrom('a', 'b', '/', '*', '?', '**', '**/', '[ab]', '[!a]', '[a-b]', '\\*', '.', 'a/b');
const glob = fc.array(globPiece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
const shortPath = fc
  .array(fc.constantFrom('a', 'b', 'ab', 'ba', '*', '.a'), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('/'));

/** The glob as a JavaScript regular expression: a reference for short inputs only (it backtracks). */
function globAsRegExp(pattern: string, anyFolder: boolean): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\' && i + 1 < pattern.length) out += `\\${pattern[++i]}`;
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) out += '\\[';
      else {
        const body = pattern.slice(i + 1, end);
        out += `(?![/])[${body.replace(/^[!^]/, '^')}]`;
        i = end;
      }
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(anyFolder ? `^(?:.*/)?${out}$` : `^${out}$`);
}

const sourceIgnoreAgrees = defineProperty(
  '.sourceignore: the glob automaton agrees with a regular-expression reference on short inputs',
  fc.property(glob, fc.boolean(), shortPath, (pattern, anyFolder, target) => {
    const expected = globAsRegExp(pattern, anyFolder).test(target);
    const actual = compileGlob(pattern, anyFolder).matches(target);
    if (actual !== expected)
      fail(`glob ${pattern} (anyFolder ${anyFolder}) on ${target}: ${actual}, expected ${expected}`);
  }),
);

const sourceIgnoreBounded = defineProperty(
  '.sourceignore: any patterns against long paths stay within budget',
  fc.property(
    fc.array(
      fc.array(globPiece, { maxLength: 40 }).map((p) => p.join('')),
      { maxLength: 50 },
    ),
    fc
      .array(fc.constantFrom('a', 'aa', 'ab', 'b', 'aaaaaaaaaa'), { minLength: 1, maxLength: 60 })
      .map((p) => p.join('/')),
    (patterns, target) => {
      timeBoxed(2000, `${patterns.length} patterns on ${target.length} characters`, () => {
        new IgnoreMatcher().with(patterns.join('\n'), '').isIgnored(`${target}${'a'.repeat(200)}`, false);
      });
    },
  ),
);

// --- paths ---

type Entry = readonly [name: string, kind: 'file' | 'folder' | 'link', target: string];
const entryName = fc.constantFrom('a', 'b', 'w.yaml', 'link', 'x/w.yaml');
const linkTarget = fc.constantFrom(
  '..',
  '../..',
  '../outside',
  '../outside/secret.yaml',
  '/etc/passwd',
  '/dev/zero',
  'a',
  'w.yaml',
  '.',
  'x',
);
const tree = fc.array(
  fc.tuple(entryName, fc.constantFrom('file', 'folder', 'link'), linkTarget) as fc.Arbitrary<Entry>,
  {
    maxLength: 8,
  },
);
const workloadPath = fc
  .array(fc.constantFrom('.', '..', 'a', 'b', 'link', 'w.yaml', 'x', '/etc', ''), { maxLength: 4 })
  .map((parts) => parts.join('/'));
const SECRET = 'OUTSIDE-SECRET-7c2e';

/** A folder `root/repo` built from entries (symbolic links anywhere), beside `root/outside` holding a secret. */
function buildTree(entries: readonly Entry[]): { repo: string; root: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kalypso-fuzz-'));
  const repo = path.join(root, 'repo');
  fs.mkdirSync(repo);
  fs.mkdirSync(path.join(root, 'outside'));
  fs.writeFileSync(path.join(root, 'outside', 'secret.yaml'), `kind: Workload\nsecret: ${SECRET}\n`);
  for (const [name, kind, target] of entries) {
    const file = path.join(repo, name);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      if (kind === 'file') fs.writeFileSync(file, 'kind: Workload\nmetadata: {name: w}\n');
      else if (kind === 'folder') fs.mkdirSync(file, { recursive: true });
      else fs.symlinkSync(target, file);
    } catch {
      // an entry that collides with an earlier one is left out
    }
  }
  return { repo, root };
}

const paths = defineProperty(
  'paths: a workload path never reads anything outside its folder, whatever the symbolic links',
  fc.asyncProperty(tree, workloadPath, async (entries, wanted) => {
    const { repo, root } = buildTree(entries);
    try {
      const started = Date.now();
      let read;
      try {
        read = await readLocalWorkload(repo, wanted, 'repo');
      } catch (e) {
        if (e instanceof WorkloadSourceError) {
          if (e.message.includes(SECRET)) fail(`the message holds the secret: ${e.message}`);
          return;
        }
        throw e;
      }
      if (Date.now() - started > 5000) fail(`reading ${wanted} took ${Date.now() - started} ms`);
      for (const file of read.files) {
        if (file.content.toString().includes(SECRET)) fail(`read ${file.path} from outside through ${wanted}`);
        const real = fs.realpathSync(path.join(repo, file.path));
        if (!real.startsWith(fs.realpathSync(repo) + path.sep)) fail(`${file.path} is outside the folder`);
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }),
);

// --- state files ---

const journalSegment = fc.constantFrom(
  '..',
  '.',
  'dev',
  'drone',
  'x.yaml',
  '',
  '/',
  'outside',
  '.kalypso',
  'staging-0123456789ab',
);
const journalPath = fc.oneof(
  fc.array(journalSegment, { maxLength: 5 }).map((parts) => parts.join('/')),
  fc.string({ maxLength: 12 }),
);
const journalText = fc.oneof(
  fc
    .record({
      trash: fc.constantFrom('trash-0123456789ab', '../outside', '', 'trash-x'),
      operations: fc.array(fc.record({ target: journalPath, staged: fc.option(journalPath, { nil: null }) }), {
        maxLength: 6,
      }),
    })
    .map((journal) => JSON.stringify(journal)),
  fc.json(),
);

const statePaths = defineProperty(
  'state files: whatever a planted journal says, nothing outside the output folder changes',
  fc.asyncProperty(journalText, fc.boolean(), async (text, linkedFolder) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kalypso-fuzz-'));
    try {
      const out = path.join(root, 'out');
      const state = path.join(out, STATE_DIR);
      fs.mkdirSync(path.join(root, 'outside/drone'), { recursive: true });
      fs.writeFileSync(path.join(root, 'outside/x.yaml'), SECRET);
      fs.writeFileSync(path.join(root, 'outside/drone/x.yaml'), SECRET);
      fs.mkdirSync(path.join(state, 'staging-0123456789ab/dev/drone'), { recursive: true });
      fs.writeFileSync(path.join(state, 'staging-0123456789ab/dev/drone/x.yaml'), 'staged');
      fs.mkdirSync(path.join(out, 'dev'), { recursive: true });
      if (linkedFolder) fs.symlinkSync(path.join(root, 'outside/drone'), path.join(out, 'dev/drone'));
      fs.writeFileSync(path.join(state, 'journal.json'), text);
      await writeOutput(out, []).catch((e: unknown) => {
        if (!(e instanceof OutputError)) throw e;
      });
      const outside = [path.join(root, 'outside/x.yaml'), path.join(root, 'outside/drone/x.yaml')];
      for (const file of outside) {
        if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== SECRET) fail(`${file} changed: ${text}`);
      }
      if (fs.readdirSync(path.join(root, 'outside')).sort().join() !== 'drone,x.yaml') fail(`outside changed: ${text}`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }),
);

export const FUZZ_PROPERTIES: readonly FuzzProperty[] = [
  templates,
  configSchemaPatterns,
  sourceIgnoreAgrees,
  sourceIgnoreBounded,
  paths,
  statePaths,
];
