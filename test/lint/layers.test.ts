import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '../..');

/** Probes: a file of this repository (that does not exist) and its code. */
type Probe = readonly [file: string, code: string];

/**
 * The lint messages for each probe's code as if it were that file of this repository, from one ESLint process with
 * this repository's configuration (nothing is written).
 */
function lintAll(probes: readonly Probe[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const probes = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
    Promise.all(probes.map(([file, code]) => eslint.lintText(code, { filePath: file }))).then((results) => {
      process.stdout.write(JSON.stringify(results.map(([result]) => result.messages.map((m) => m.ruleId + ': ' + m.message))));
    });`;
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    input: JSON.stringify(probes),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

const FORBIDDEN_PATHS: readonly (readonly [string, string, string])[] = [
  ['core imports render', 'src/core/plan/probe.ts', "import { renderJob } from '../../render/render-job';"],
  ['core imports io', 'src/core/model/probe.ts', "import { OutputFolder } from '../../io/output/write';"],
  ['render imports io', 'src/render/probe.ts', "import { OutputFolder } from '../io/output/write';"],
  ['io imports render', 'src/io/probe.ts', "import { renderJob } from '../render/render-job';"],
  ['app imports api', 'src/app/probe.ts', "import { ControlPlane } from '../api/control-plane';"],
  ['api imports io', 'src/api/probe.ts', "import { OutputFolder } from '../io/output/write';"],
  ['cli imports io', 'src/cli/probe.ts', "import { GitRunner } from '../io/git/git-runner';"],
  ['gotemplate imports core', 'src/gotemplate/probe.ts', "import { Problem } from '../core/model/problems';"],
  ['core reaches inside gotemplate', 'src/core/probe.ts', "import { GoMap } from '../gotemplate/go/go-map';"],
];
const IMPURE_CORE: readonly (readonly [string, string, string])[] = [
  ['core reads a file', 'src/core/probe.ts', "import * as fs from 'fs';"],
  ['core builds a chart', 'src/core/probe.ts', "import { Chart } from 'cdk8s';"],
  ['core starts a thread', 'src/core/probe.ts', "import { Worker } from 'worker_threads';"],
];
const ALLOWED: readonly (readonly [string, string, string])[] = [
  [
    'core imports core and the gotemplate module',
    'src/core/probe.ts',
    "import { GoMap } from '../gotemplate';\nimport { Problem } from './model/problems';",
  ],
  ['render imports core', 'src/render/probe.ts', "import { RenderJob } from '../core/plan/render-job';"],
  [
    'app imports render and io',
    'src/app/probe.ts',
    "import { renderJob } from '../render/render-job';\nimport { OutputFolder } from '../io/output/write';",
  ],
  ['api imports app', 'src/api/probe.ts', "import { synthesizeInput } from '../app/synthesize/synthesize';"],
  ['cli imports app', 'src/cli/probe.ts', "import { synthesize } from '../app/synthesize/synthesize';"],
];

/** The probe's code, using what it imports so that only the import rules can complain. */
function probeCode(code: string): string {
  const names = [...code.matchAll(/import (?:\* as (\w+)|\{ (\w+) \})/g)].map((match) => match[1] ?? match[2]);
  return `${code}\nexport const probe = [${names.join(', ')}];\n`;
}

const cases = [...FORBIDDEN_PATHS, ...IMPURE_CORE, ...ALLOWED];
let messages: Map<string, string[]>;
beforeAll(() => {
  const results = lintAll(cases.map(([, file, code]) => [file, probeCode(code)] as const));
  messages = new Map(cases.map(([name], index) => [name, results[index]]));
}, 60_000);

describe('the layers of src/, as the linter enforces them', () => {
  test.each(FORBIDDEN_PATHS)('fails when %s', (name) => {
    expect(messages.get(name)!.filter((message) => message.startsWith('import-x/no-restricted-paths'))).toHaveLength(1);
    expect(messages.get(name)!.filter((message) => !message.startsWith('import-x/no-restricted-paths'))).toEqual([]);
  });

  test.each(IMPURE_CORE)('fails when %s', (name) => {
    expect(messages.get(name)).toEqual([expect.stringMatching(/^no-restricted-imports: .*core is pure/)]);
  });

  test.each(ALLOWED)('accepts that %s', (name) => {
    expect(messages.get(name)).toEqual([]);
  });
});
