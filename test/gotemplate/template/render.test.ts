import { renderManifest, renderManifests, TemplateError } from '../../../src/gotemplate/template';
import { HELLO_WORLD, render, renderError, withConfig } from './template-data';

function caught(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a TemplateError');
}

describe('renderManifest re-renders output that contains "{{" (docs/explanation/scheduling-and-config.md#renderers-and-templates)', () => {
  test.each([
    [
      'A25: a config value holding a template',
      withConfig({ K: '{{ .Namespace }}' }),
      '{{ .ConfigData.K }}',
      'dev-drone-hello-world-app-functional-test',
    ],
    [
      'a template printing a template',
      HELLO_WORLD,
      '{{ "{{" }} .Namespace }}',
      'dev-drone-hello-world-app-functional-test',
    ],
    ['three passes', withConfig({ K: '{{ "{{" }} .Workload }}' }), 'w: {{ .ConfigData.K }}', 'w: hello-world-app'],
    [
      'a value quoted by toYaml is rendered in the second pass',
      withConfig({ K: '{{ .ClusterType }}' }),
      '{{ toYaml .ConfigData }}',
      "K: 'drone'",
    ],
    ['text with a single brace is not re-rendered', HELLO_WORLD, '{{ "{x}" }}', '{x}'],
  ])('%s', (_name, data, text, expected) => {
    expect(renderManifest(text, data)).toBe(expected);
  });

  test('fails when output keeps producing "{{", naming the depth', () => {
    const error = caught(() =>
      renderManifest('{{ .ConfigData.K }}', withConfig({ K: '{{ .ConfigData.K }}' }), { name: 'loop' }),
    );
    expect(error.message).toBe(
      'Template "loop" (nested rendering, pass 11): nested rendering exceeded the maximum depth of 10: the output still contains "{{" after 11 passes',
    );
    expect(error.kind).toBe('limit');
  });

  test('fails at once with maxDepth 0 when the output contains "{{"', () => {
    expect(renderError('{{ "{{" }} .Namespace }}', HELLO_WORLD, { maxDepth: 0 })).toBe(
      'nested rendering exceeded the maximum depth of 0: the output still contains "{{" after 1 passes',
    );
  });

  test('fails in a nested pass with that pass in the message', () => {
    const error = caught(() => renderManifest('{{ .ConfigData.K }}', withConfig({ K: '{{ .Repo }}' })));
    expect(error.message).toBe(
      '(nested rendering, pass 2): template: template:1:3: executing "template" at <.Repo>: can\'t evaluate field Repo in type scheduler.dataType',
    );
    expect(error.pass).toBe(2);
  });
});

describe('renderManifests renders each manifest and drops empty results (docs/explanation/scheduling-and-config.md#renderers-and-templates)', () => {
  test('A26: drops results that are exactly empty and keeps the order', () => {
    const rendered = renderManifests(['a: 1\n', '', '{{ if false }}x{{ end }}', 'b: 2\n'], HELLO_WORLD);
    expect(rendered).toEqual(['a: 1\n', 'b: 2\n']);
    expect(rendered.join('---\n')).toBe('a: 1\n---\nb: 2\n');
  });

  test('A26: no manifests give no results', () => {
    expect(renderManifests([], HELLO_WORLD)).toEqual([]);
  });

  test('keeps whitespace-only results', () => {
    expect(renderManifests(['  \n', '{{ "" }}'], HELLO_WORLD)).toEqual(['  \n']);
  });

  test('shares the data between manifests, as upstream does', () => {
    expect(renderManifests(['{{ $_ := set .ConfigData "X" "1" }}', '{{ .ConfigData.X }}'], HELLO_WORLD)).toEqual(['1']);
  });

  test("never changes the caller's data", () => {
    const data = withConfig({ tags: ['b', 'a'] });
    renderManifests(['{{ $_ := set .ConfigData "X" "1" }}{{ sortAlpha .ConfigData.tags }}'], data);
    expect(data.ConfigData).toEqual({ tags: ['b', 'a'] });
  });

  test('fails with the Template name and manifest index', () => {
    const error = caught(() => renderManifests(['ok', 'url: "{{ .Repo}}"'], HELLO_WORLD, { name: 'arc-flux' }));
    expect(error.message).toBe(
      'Template "arc-flux" manifests[1]: template: template:1:9: executing "template" at <.Repo>: can\'t evaluate field Repo in type scheduler.dataType',
    );
    expect(error).toMatchObject({
      name: 'TemplateError',
      kind: 'execute',
      templateName: 'arc-flux',
      manifestIndex: 1,
      pass: 1,
      line: 1,
      column: 9,
      goMessage:
        'template: template:1:9: executing "template" at <.Repo>: can\'t evaluate field Repo in type scheduler.dataType',
    });
  });

  test('fails on a parse error with its line', () => {
    const error = caught(() => renderManifests(['a\nb\n{{ nosuch }}'], HELLO_WORLD, { name: 't' }));
    expect(error.message).toBe('Template "t" manifests[0]: template: template:3: function "nosuch" not defined');
    expect(error).toMatchObject({ kind: 'parse', line: 3, column: undefined });
  });
});

describe('rendering stays within its limits', () => {
  test.each([
    [
      'fails on a range over a huge integer at the step budget',
      '{{ range 100000000 }}{{ end }}',
      {},
      'execution budget of 1000000 steps exceeded (a range or template recursion too large, or too many bytes hashed, copied or built?)',
    ],
    [
      'fails on until with a huge count',
      '{{ len (until 100000000) }}',
      {},
      'execution budget of 1000000 steps exceeded (a range or template recursion too large, or too many bytes hashed, copied or built?)',
    ],
    [
      'fails on a small explicit step budget',
      '{{ range 10 }}x{{ end }}',
      { maxSteps: 10 },
      'execution budget of 10 steps exceeded (a range or template recursion too large, or too many bytes hashed, copied or built?)',
    ],
    [
      'fails on output larger than the limit',
      '{{ range 100 }}0123456789{{ end }}',
      { maxOutputBytes: 500 },
      'output exceeds 500 bytes',
    ],
    [
      'fails on repeat larger than the limit',
      '{{ repeat 100000000 "x" }}',
      {},
      'repeat would build 100000000 bytes, more than the limit of 10485760',
    ],
    [
      'fails on a string doubling past the limit',
      '{{ $s := "0123456789" }}{{ range 30 }}{{ $s = printf "%s%s" $s $s }}{{ end }}',
      {},
      'printf built a string larger than 10485760 bytes',
    ],
    [
      'fails on deep template recursion at the depth limit',
      '{{ define "R" }}{{ template "R" . }}{{ end }}{{ template "R" . }}',
      { maxTemplateDepth: 50 },
      'template: template:1:28: executing "R" at <{{template "R" .}}>: exceeded maximum template depth (50)',
    ],
  ])('%s', (_name, text, options, expected) => {
    expect(renderError(text, HELLO_WORLD, options)).toBe(expected);
  });

  test.each([
    [
      'hashing a 10 MB string in a long range',
      '{{ $s := repeat 10000000 "x" }}{{ range 300000 }}{{ sha256sum $s }}{{ end }}',
    ],
    [
      'encoding a large string in a long range',
      '{{ $s := repeat 1000000 "x" }}{{ range 300000 }}{{ $_ := b64enc $s }}{{ end }}',
    ],
    [
      'matching a large string in a long range',
      '{{ $s := repeat 1000000 "a" }}{{ range 300000 }}{{ $_ := regexMatch "b" $s }}{{ end }}',
    ],
    [
      'hashing a large structure in a long range',
      '{{ $l := until 100000 }}{{ range 300000 }}{{ $_ := hash $l }}{{ end }}',
    ],
    [
      'copying a large structure in a long range',
      '{{ $d := dict }}{{ range $i := until 50000 }}{{ $_ := set $d (toString $i) $i }}{{ end }}{{ range 300000 }}{{ $_ := deepCopy $d }}{{ end }}',
    ],
  ])('fails within seconds on %s: the budget counts bytes read and built, not only steps', (_name, text) => {
    const started = Date.now();
    expect(renderError(text)).toMatch(/^execution budget of 1000000 steps exceeded/);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  test('charges little for small strings: a long range of small string functions stays within budget', () => {
    expect(render('{{ range 20000 }}{{ $_ := sha256sum "some-namespace-name" | upper | trunc 10 }}{{ end }}ok')).toBe(
      'ok',
    );
  });

  test('fails cleanly on printing cyclic data', () => {
    const error = caught(() => render('{{ $d := dict }}{{ $_ := set $d "self" $d }}{{ $d }}'));
    expect(error.kind).toBe('limit');
    expect(error.message).toMatch(/^template execution nested too deeply or grew too large/);
  });

  test('renders the same template for many assignments quickly (parsed once)', () => {
    const text =
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: "{{ .Namespace}}"\n  labels:\n    workload: "{{ .Workload}}"\n{{ toYaml .ConfigData | indent 4 }}\n';
    const started = process.hrtime.bigint();
    for (let i = 0; i < 5000; i++) {
      renderManifest(text, { ...HELLO_WORLD, Namespace: `ns-${i}` });
    }
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(elapsedMs).toBeLessThan(5000);
  });
});
