import { render } from '../template-data';

describe('sprig snakecase, kebabcase and camelcase (xstrings v1.4.0)', () => {
  test.each([
    ['snakecase', 'FirstName', 'snakecase', 'first_name'],
    ['snakecase', 'HTTPServer', 'snakecase', 'http_server'],
    ['snakecase', 'NoHTTPS', 'snakecase', 'no_https'],
    ['snakecase', 'GO_PATH', 'snakecase', 'go_path'],
    ['snakecase', 'GO PATH', 'snakecase', 'go_path'],
    ['snakecase', 'GO-PATH', 'snakecase', 'go_path'],
    ['snakecase', 'http2xx', 'snakecase', 'http_2xx'],
    ['snakecase', 'HTTP20xOK', 'snakecase', 'http_20x_ok'],
    ['snakecase', 'Duration2m3s', 'snakecase', 'duration_2m3s'],
    ['snakecase', 'Bld4Floor3rd', 'snakecase', 'bld4_floor_3rd'],
    ['kebabcase', 'FirstName', 'kebabcase', 'first-name'],
    ['kebabcase', 'HTTPServer', 'kebabcase', 'http-server'],
    ['kebabcase', 'GO PATH', 'kebabcase', 'go-path'],
    ['camelcase', 'some_words', 'camelcase', 'SomeWords'],
    ['camelcase', 'http_server', 'camelcase', 'HttpServer'],
    ['camelcase', 'no_https', 'camelcase', 'NoHttps'],
    ['camelcase', '_complex__case_', 'camelcase', '_Complex_Case_'],
    ['camelcase', 'some words', 'camelcase', 'SomeWords'],
    ['camelcase', 'a', 'camelcase', 'A'],
    ['camelcase repeats a lone trailing connector (xstrings quirk)', '__', 'camelcase', '___'],
  ])('%s of %j', (_name, input, fn, expected) => {
    expect(render(`{{ ${fn} ${JSON.stringify(input)} }}`)).toBe(expected);
  });
});
