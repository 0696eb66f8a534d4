import { IgnoreMatcher } from '../../../src/io/source/source-ignore';

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
