import { render } from '../template-data';

describe('sprig urlParse and urlJoin', () => {
  test.each([
    [
      'a full URL',
      '{{ urlParse "https://user:pw@example.com:8080/a%20b?q=1#frag" }}',
      'map[fragment:frag host:example.com:8080 hostname:example.com opaque: path:/a b query:q=1 scheme:https userinfo:user:pw]',
    ],
    ['an opaque URL', '{{ (urlParse "mailto:x@y").opaque }}', 'x@y'],
    ['a relative path', '{{ (urlParse "a/b?c").path }}', 'a/b'],
    [
      'joining parts',
      '{{ urlJoin (dict "scheme" "https" "host" "example.com" "path" "/a b" "query" "q=1") }}',
      'https://example.com/a%20b?q=1',
    ],
    [
      'joining with user info and a fragment',
      '{{ urlJoin (dict "scheme" "http" "userinfo" "u" "host" "h" "fragment" "f g") }}',
      'http://u@h#f%20g',
    ],
  ])('%s', (_name, text, expected) => {
    expect(render(text)).toBe(expected);
  });
});
