import { render } from '../template-data';

describe('sprig encodings and checksums', () => {
  test.each([
    ['b64enc', '{{ b64enc "hello" }}', 'aGVsbG8='],
    ['b64dec', '{{ b64dec "aGVsbG8=" }}', 'hello'],
    ['b64dec ignores newlines', '{{ b64dec "aGVs\\nbG8=" }}', 'hello'],
    [
      'b64dec returns the error text for missing padding',
      '{{ b64dec "aGVsbG8" }}',
      'illegal base64 data at input byte 4',
    ],
    ['b64dec returns the error text for a bad character', '{{ b64dec "a!" }}', 'illegal base64 data at input byte 1'],
    ['b64dec of UTF-8', '{{ b64enc "héllo" | b64dec }}', 'héllo'],
    ['b32enc', '{{ b32enc "hello" }}', 'NBSWY3DP'],
    ['b32enc with padding', '{{ b32enc "a" }}', 'ME======'],
    ['b32dec', '{{ b32dec "NBSWY3DP" }} {{ b32dec "ME======" }}', 'hello a'],
    ['b32dec returns the error text', '{{ b32dec "x" }}', 'illegal base32 data at input byte 0'],
    ['sha256sum', '{{ sha256sum "hello" }}', '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'],
    ['sha1sum', '{{ sha1sum "hello" }}', 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d'],
    ['adler32sum', '{{ adler32sum "hello" }}', '103547413'],
  ])('%s', (_name, text, expected) => {
    expect(render(text)).toBe(expected);
  });
});
