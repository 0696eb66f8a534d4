import { declareFlags } from '../../src/cli/flags/flag-declaration';
import { parseFlags } from '../../src/cli/flags/parse-flags';

const FLAGS = declareFlags({
  out: { type: 'string', short: 'o', aliases: ['output'], value: 'DIR', description: 'output' },
  env: { type: 'string', short: 'e', multiple: true, description: 'environment' },
  'dry-run': { type: 'boolean', description: 'dry run' },
  quiet: { type: 'boolean', short: 'q', description: 'quiet' },
  json: { type: 'boolean', short: 'j', description: 'json' },
  timeout: { type: 'string', default: '10m', description: 'timeout' },
});

describe('parseFlags', () => {
  test.each<[string, string[], object]>([
    ['nothing: booleans false, lists empty, defaults', [], { out: undefined, env: [], dryRun: false, timeout: '10m' }],
    ['--name value', ['--out', 'dist'], { out: 'dist' }],
    ['--name=value', ['--out=dist'], { out: 'dist' }],
    ['an alias', ['--output', 'dist'], { out: 'dist' }],
    ['-n value', ['-o', 'dist'], { out: 'dist' }],
    ['-nvalue', ['-odist'], { out: 'dist' }],
    ['grouped letters, the last taking the value', ['-qjo', 'dist'], { quiet: true, json: true, out: 'dist' }],
    ['repeated values kept in order', ['-e', 'dev', '--env', 'stage', '--env=prod'], { env: ['dev', 'stage', 'prod'] }],
    ['the last of a repeated single value', ['--out', 'a', '--out', 'b'], { out: 'b' }],
    ['kebab-case names in camelCase', ['--dry-run'], { dryRun: true }],
    ['a default replaced', ['--timeout', '1h'], { timeout: '1h' }],
  ])('%s', (_name, argv, expected) => {
    expect(parseFlags(argv, FLAGS).flags).toMatchObject(expected);
  });

  test('takes arguments when the command has some, and everything after --', () => {
    expect(parseFlags(['a', '--quiet', '--', '--out', 'b'], FLAGS, { positionals: true })).toEqual({
      flags: expect.objectContaining({ quiet: true, out: undefined }),
      positionals: ['a', '--out', 'b'],
    });
  });

  test.each([
    [['--outt', 'x'], 'unknown flag --outt; did you mean --out?'],
    [['--dryrun'], 'unknown flag --dryrun; did you mean --dry-run?'],
    [['--frobnicate'], 'unknown flag --frobnicate'],
    [['-x'], 'unknown flag -x'],
    [['--out'], '--out needs a value (--out DIR)'],
    [['--out', '--quiet'], '--out needs a value (--out DIR)'],
    [['--quiet=yes'], '--quiet takes no value, got "yes"'],
    [['extra'], 'unexpected argument "extra"; this command takes only flags'],
  ])('fails on %j: %s', (argv, message) => {
    expect(() => parseFlags(argv, FLAGS)).toThrow(new Error(message));
  });
});
