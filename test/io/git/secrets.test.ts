import { redactSecrets, redactUrlCredentials, secretForms } from '../../../src/io/git/secrets';

const TOKEN = 'ghp_PLANTEDtoken1234567890';

describe('redactSecrets', () => {
  test.each([
    ['the token as is', `auth failed for ${TOKEN}`, 'auth failed for ***'],
    [
      'the token URL-encoded',
      `?t=${encodeURIComponent(`${TOKEN}/x`)}`,
      `?t=${encodeURIComponent(`${TOKEN}/x`).replace(encodeURIComponent(TOKEN), '***')}`,
    ],
    [
      'a Basic header',
      `Authorization: Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`,
      'Authorization: Basic ***',
    ],
    ['the token in Base64', Buffer.from(TOKEN).toString('base64'), '***'],
    [
      'a password in a URL',
      'fatal: unable to access https://bob:hunter2@git.example.com/r/',
      'fatal: unable to access https://bob:***@git.example.com/r/',
    ],
    ['text without secrets', 'fatal: repository not found', 'fatal: repository not found'],
  ])('removes %s', (_name, text, expected) => {
    expect(redactSecrets(text, [TOKEN])).toBe(expected);
  });

  test('ignores secrets too short to be tokens', () => {
    expect(secretForms('ab')).toEqual([]);
    expect(redactSecrets('abc', ['ab'])).toBe('abc');
  });
});

describe('redactUrlCredentials', () => {
  test.each([
    [
      'a password',
      'cannot fetch https://user:s3cret@host/org/app.git: refused',
      'cannot fetch https://user:***@host/org/app.git: refused',
    ],
    ['a password holding @', 'https://user:p@ss@host/x', 'https://user:***@host/x'],
    [
      'a token as the user name of an https URL',
      'https://ghp_abc123@github.com/org/app',
      'https://***@github.com/org/app',
    ],
    ['a URL inside JSON', '{"file":"https://u:pw@host/r@main/w.yaml"}', '{"file":"https://u:***@host/r@main/w.yaml"}'],
    ['two URLs', 'http://a:b@h1/ and ssh://c:d@h2/', 'http://a:***@h1/ and ssh://c:***@h2/'],
    ['an ssh user name, which is no secret', 'ssh://git@github.com/org/app.git', 'ssh://git@github.com/org/app.git'],
    ['a URL without credentials', 'https://github.com/org/app@main', 'https://github.com/org/app@main'],
    ['an at sign in the path only', 'https://host/org/app@v1', 'https://host/org/app@v1'],
  ])('redacts %s', (_name, text, expected) => {
    expect(redactUrlCredentials(text)).toBe(expected);
  });
});
