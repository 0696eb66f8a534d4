import { gitEnvironment, tokenUrlFor } from '../../../src/io/git/git-environment';

const TOKEN = 'ghp_PLANTEDtoken1234567890';

describe('gitEnvironment', () => {
  test('never prompts, allows only file, https, ssh and http, and drops variables that redirect git', () => {
    const env = gitEnvironment({
      PATH: '/usr/bin',
      HOME: '/home/me',
      GIT_ASKPASS: '/usr/bin/ask',
      SSH_ASKPASS: '/usr/bin/ask',
      GIT_DIR: '/elsewhere',
      GIT_INDEX_FILE: '/x',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/me',
      GIT_TERMINAL_PROMPT: '0',
      GCM_INTERACTIVE: 'never',
      GIT_ALLOW_PROTOCOL: 'file:https:ssh:http',
      GIT_LITERAL_PATHSPECS: '1',
      GIT_AUTHOR_NAME: 'Kalypso Scheduler',
      GIT_AUTHOR_EMAIL: 'kalypso.scheduler@email.com',
      GIT_COMMITTER_NAME: 'Kalypso Scheduler',
      GIT_COMMITTER_EMAIL: 'kalypso.scheduler@email.com',
    });
  });

  test('keeps an identity set by the caller', () => {
    const env = gitEnvironment({ GIT_AUTHOR_NAME: 'CI', GIT_AUTHOR_EMAIL: 'ci@example.com' });
    expect([env.GIT_AUTHOR_NAME, env.GIT_AUTHOR_EMAIL, env.GIT_COMMITTER_NAME]).toEqual([
      'CI',
      'ci@example.com',
      'Kalypso Scheduler',
    ]);
  });

  test('sends the token as a header scoped to the given URL prefixes, after existing command-scoped config', () => {
    const env = gitEnvironment(
      { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.abbrev', GIT_CONFIG_VALUE_0: '12' },
      {
        token: TOKEN,
        tokenUrls: ['https://github.com/'],
      },
    );
    expect(env.GIT_CONFIG_COUNT).toBe('2');
    expect(env.GIT_CONFIG_KEY_0).toBe('core.abbrev');
    expect(env.GIT_CONFIG_KEY_1).toBe('http.https://github.com/.extraHeader');
    expect(env.GIT_CONFIG_VALUE_1).toBe(
      `Authorization: Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`,
    );
  });

  test('does not pass the token anywhere without URL prefixes', () => {
    expect(JSON.stringify(gitEnvironment({}, { token: TOKEN }))).not.toContain(
      Buffer.from(`x-access-token:${TOKEN}`).toString('base64'),
    );
  });

  test.each([
    ['https://github.com', 'https://github.com/'],
    ['https://ghe.example.com/api/v3', 'https://ghe.example.com/'],
    ['http://127.0.0.1:8080/api', 'http://127.0.0.1:8080/'],
  ])('the token URL of %s is %s', (url, expected) => {
    expect(tokenUrlFor(url)).toBe(expected);
  });
});
