import { render } from '../template-data';

describe('sprig path functions (Go path package)', () => {
  test.each([
    ['base', '{{ base "/a/b.txt" }} {{ base "a/b/" }} {{ base "/" }} {{ base "" }}', 'b.txt b / .'],
    ['dir', '{{ dir "/a/b/c" }} {{ dir "a" }} {{ dir "/a" }}', '/a/b . /'],
    [
      'clean',
      '{{ clean "a//b/../c/." }} {{ clean "" }} {{ clean "/../a" }} {{ clean "../../a/.." }}',
      'a/c . /a ../..',
    ],
    ['ext', '{{ ext "a/b.tar.gz" }}|{{ ext "a.b/c" }}', '.gz|'],
    ['isAbs', '{{ isAbs "/a" }} {{ isAbs "a" }}', 'true false'],
  ])('%s', (_name, text, expected) => {
    expect(render(text)).toBe(expected);
  });
});
