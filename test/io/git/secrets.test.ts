import { redactSecrets, secretForms } from '../../../src/io/git/secrets';

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
