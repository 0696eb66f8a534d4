import { RepositoryKind, branchNameProblem, classifyRepository, isCommitId } from '../../../src/io/git/git-refs';

describe('branchNameProblem', () => {
  test.each([
    ['main', undefined],
    ['kalypso/dev', undefined],
    ['release-1.2', undefined],
    ['', 'is empty'],
    ['-x', 'starts with "-"'],
    ['--upload-pack=touch', 'starts with "-"'],
    ['HEAD', 'is the reserved name "HEAD"'],
    ['@', 'is the reserved name "@"'],
    ['a b', 'contains a space, control character or one of ~ ^ : ? * [ \\'],
    ['a\nb', 'contains a space, control character or one of ~ ^ : ? * [ \\'],
    ['main~1', 'contains a space, control character or one of ~ ^ : ? * [ \\'],
    ['a:b', 'contains a space, control character or one of ~ ^ : ? * [ \\'],
    ['a..b', 'contains ".."'],
    ['a@{1}', 'contains "@{"'],
    ['/a', 'has an empty path component'],
    ['a/', 'has an empty path component'],
    ['a//b', 'has an empty path component'],
    ['a.', 'ends with "."'],
    ['a/.b', 'has a path component starting with "."'],
    ['a.lock/b', 'has a path component ending with ".lock"'],
  ])('%j: %s', (name, problem) => {
    expect(branchNameProblem(name)).toBe(problem);
  });
});

describe('isCommitId', () => {
  test.each([
    ['5523a85f37d12c0c7c10ab6616644db089fcd6f7', true],
    ['5523a85', true],
    ['5523a8', false],
    ['main', false],
    ['HEAD~1', false],
    ['--all', false],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
  ])('%j: %s', (value, expected) => {
    expect(isCommitId(value)).toBe(expected);
  });
});

describe('classifyRepository', () => {
  test.each([
    ['https://github.com/org/app', RepositoryKind.URL],
    ['https://github.com/org/app.git', RepositoryKind.URL],
    ['http://git.internal/org/app', RepositoryKind.URL],
    ['ssh://git@github.com/org/app.git', RepositoryKind.URL],
    ['git@github.com:org/app.git', RepositoryKind.URL],
    ['file:///srv/git/app.git', RepositoryKind.URL],
    ['https://x-access-token@github.com/org/app', RepositoryKind.URL],
    ['/srv/git/app.git', RepositoryKind.LOCAL_PATH],
    ['../app', RepositoryKind.LOCAL_PATH],
    ['C:\\repos\\app', RepositoryKind.LOCAL_PATH],
  ])('%s is a %s', (location, kind) => {
    expect(classifyRepository(location)).toEqual({ kind });
  });

  test.each([
    ['', 'is empty'],
    ['--upload-pack=touch /tmp/pwned', 'starts with "-"'],
    ['-oProxyCommand=x', 'starts with "-"'],
    ['ext::sh -c touch% /tmp/pwned', 'uses the transport "ext::", which is not allowed'],
    ['fd::17', 'uses the transport "fd::", which is not allowed'],
    ['git://github.com/org/app', 'uses the protocol "git"; only file, https, ssh, http are allowed'],
    ['ftp://host/app', 'uses the protocol "ftp"; only file, https, ssh, http are allowed'],
    ['ssh://-oProxyCommand=touch/x', 'has no valid host'],
    ['-oProxyCommand=touch@host:x', 'starts with "-"'],
    ['user@-oProxyCommand=x:path', 'has no valid host'],
    [
      'https://user:secret@github.com/org/app',
      'has a password in it; put the token in GITHUB_TOKEN or a git credential helper instead',
    ],
    ['https://github.com/org/app\n--upload-pack=x', 'contains a control character'],
    ['/srv/a::b', 'uses a transport helper ("::"), which is not allowed'],
  ])('fails for %j: %s', (location, problem) => {
    expect(classifyRepository(location)).toEqual({ problem });
  });
});
