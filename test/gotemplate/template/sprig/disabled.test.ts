import { render, renderError } from '../template-data';

describe('sprig functions that templates may not use', () => {
  test.each([
    [
      'fails on env, which would read the process environment',
      '{{ env "HOME" }}',
      'error calling env: templates may not read the environment (env "HOME")',
    ],
    [
      'fails on expandenv, which would read the process environment',
      '{{ expandenv "$HOME" }}',
      'error calling expandenv: templates may not read the environment (expandenv)',
    ],
    [
      'fails on now, which depends on the clock',
      '{{ now }}',
      'error calling now: now is not available in kalypso-cdk8s templates: its result depends on the clock, so rendering would not be reproducible',
    ],
    ['fails on date with now', '{{ date "2006" now }}', 'error calling now: now is not available'],
    [
      'fails on uuidv4, which is random',
      '{{ uuidv4 }}',
      'error calling uuidv4: uuidv4 is not available in kalypso-cdk8s templates: its result is random',
    ],
    ['fails on randAlphaNum, which is random', '{{ randAlphaNum 5 }}', 'its result is random'],
    ['fails on genPrivateKey, which is random', '{{ genPrivateKey "rsa" }}', 'its result is random'],
    ['fails on getHostByName, which needs the network', '{{ getHostByName "example.com" }}', 'it needs the network'],
    [
      'fails on semver, which is not implemented',
      '{{ semver "1.0.0" }}',
      'error calling semver: semver is not available in kalypso-cdk8s templates: not implemented',
    ],
  ])('%s', (_name, text, expected) => {
    expect(renderError(text)).toContain(expected);
  });

  test('parses a template that mentions env in a branch that is not taken, as upstream does', () => {
    expect(render('{{ if false }}{{ env "SECRET" }}{{ end }}ok')).toBe('ok');
  });

  test('keeps hello and fail', () => {
    expect(render('{{ hello }}')).toBe('Hello!');
    expect(renderError('{{ fail "stop here" }}')).toContain('error calling fail: stop here');
  });
});
