import { compileGlob } from '../../../src/io/source/glob';
import { IgnoreMatcher, IgnoreProblem, MAX_SOURCE_IGNORE_BYTES } from '../../../src/io/source/source-ignore';

describe('IgnoreMatcher', () => {
  test.each<[string, string, boolean]>([
    ['Flux ignores .github/ by default', '.github/workflows/ci.yaml', true],
    ['Flux ignores .git/', '.git/config', true],
    ['Flux ignores .sops.yaml anywhere', 'a/b/.sops.yaml', true],
    ['other dot folders are read', '.environments/dev.yaml', false],
    ['ordinary files are read', 'cluster-types/drone.yaml', false],
  ])('%s', (_name, path, ignored) => {
    expect(new IgnoreMatcher().isIgnored(path, false)).toBe(ignored);
  });

  test.each<[string, string, string, string, boolean]>([
    ['a root .sourceignore pattern', 'drafts/', '', 'drafts/x.yaml', true],
    ['an unanchored name matches at any depth', '*.bak.yaml', '', 'a/b/x.bak.yaml', true],
    ['an anchored pattern matches at the root only', '/x.yaml', '', 'a/x.yaml', false],
    ['a nested .sourceignore applies below its folder', 'x.yaml', 'sub', 'sub/x.yaml', true],
    ['a nested .sourceignore does not apply beside its folder', 'x.yaml', 'sub', 'other/x.yaml', false],
    ['negation re-includes', '/*\n!/.environments', '', '.environments/dev.yaml', false],
    ['negation leaves the rest ignored', '/*\n!/.environments', '', 'templates/a.yaml', true],
    ['** matches folders', 'docs/**/*.yaml', '', 'docs/a/b/c.yaml', true],
  ])('%s', (_name, patterns, base, path, ignored) => {
    expect(new IgnoreMatcher().with(patterns, base).isIgnored(path, false)).toBe(ignored);
  });
});

describe('gitignore globs', () => {
  test.each<[string, string, boolean]>([
    ['a class never matches a slash', 'a[/]b', false],
    ['a negated class never matches a slash', 'a[!x]b', false],
    ['** crosses folders', 'a/**', true],
    ['* does not cross folders', 'a*', false],
  ])('%s', (_name, glob, expected) => {
    expect(compileGlob(glob, false).matches('a/b')).toBe(expected);
  });

  test('matches in linear time where a backtracking engine takes exponential time', () => {
    const started = Date.now();
    expect(compileGlob('*a*a*a*a*a*a*a*a*a*a*b', true).matches(`${'a'.repeat(5000)}c`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('reports a pattern that cannot be used at its line, and uses the others', () => {
    const problems: IgnoreProblem[] = [];
    const matcher = new IgnoreMatcher().with('# comment\n[z-a]\ndrafts/\n', '', problems);
    expect(problems).toEqual([
      { line: 2, message: 'pattern "[z-a]" cannot be used: the character range z-a in [z-a… is reversed' },
    ]);
    expect(matcher.isIgnored('drafts/x.yaml', false)).toBe(true);
  });

  test('refuses a .sourceignore over the limit as a whole', () => {
    const problems: IgnoreProblem[] = [];
    const matcher = new IgnoreMatcher().with(`drafts/\n${'#'.repeat(MAX_SOURCE_IGNORE_BYTES)}`, '', problems);
    expect(problems).toEqual([
      { message: `file is over ${MAX_SOURCE_IGNORE_BYTES} bytes, the limit; none of its patterns are used` },
    ]);
    expect(matcher.isIgnored('drafts/x.yaml', false)).toBe(false);
  });
});
