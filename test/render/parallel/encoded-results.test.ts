import { contentHash } from '../../../src/core/plan/content-hash';
import { contentBytes, knownContentHash } from '../../../src/core/plan/lazy-files';
import { RenderedAssignment } from '../../../src/core/plan/render-job';
import { decodeResults, encodeResults } from '../../../src/render/parallel/encoded-results';

const rendered = (
  files: Record<string, string>,
  failures: RenderedAssignment['failures'] = [],
): RenderedAssignment => ({
  files,
  objects: Object.keys(files).map((file) => ({
    file,
    apiVersion: 'v1',
    kind: 'ConfigMap',
    name: file,
    namespace: 'ns',
  })),
  failures,
});

describe('results sent by a worker as bytes', () => {
  test('come back as the same files and objects, each hash known before its text is made', () => {
    // GIVEN results with text that is not ASCII, an empty file, a failure, and no files at all
    const results = [
      rendered({
        'namespace.yaml': 'kind: Namespace\n',
        'platform-config.yaml': 'greeting: "gr\u00fc\u00df \u{1F600}"\n',
      }),
      rendered({ 'reconciler.yaml': '' }),
      rendered({}, [{ message: 'bad', configKey: 'k' }]),
    ];
    // WHEN encoded in a worker and decoded in the main thread (after a structured clone that moves the buffer)
    const { batch } = encodeResults(results);
    const moved = structuredClone(batch, { transfer: [batch.bytes] });
    expect(batch.bytes.byteLength).toBe(0);
    const decoded = decodeResults(moved);
    // THEN hashes and bytes are there without making text, and the files read as they were rendered
    const decode = jest.spyOn(Buffer.prototype, 'toString');
    expect(knownContentHash(decoded[0].files, 'platform-config.yaml')).toBe(
      contentHash(results[0].files['platform-config.yaml']),
    );
    expect(contentBytes(decoded[0].files, 'platform-config.yaml')).toEqual(
      Buffer.from(results[0].files['platform-config.yaml']),
    );
    expect(decode).not.toHaveBeenCalled();
    decode.mockRestore();
    expect(decoded.map(({ files }) => ({ ...files }))).toEqual(results.map(({ files }) => files));
    expect(decoded.map(({ objects, failures }) => ({ objects, failures }))).toEqual(
      results.map(({ objects, failures }) => ({ objects, failures })),
    );
  });

  test('text that is not valid Unicode is sent as text, which bytes would not give back', () => {
    const results = [rendered({ 'a.yaml': 'lone \ud800 surrogate' }), rendered({ 'b.yaml': 'fine' })];
    const { batch, bytesOf } = encodeResults(results);
    expect(bytesOf(0)).toBeUndefined();
    expect(bytesOf(1)?.['b.yaml']).toEqual(Buffer.from('fine'));
    const decoded = decodeResults(batch);
    expect(decoded[0].files['a.yaml']).toBe('lone \ud800 surrogate');
    expect(knownContentHash(decoded[0].files, 'a.yaml')).toBeUndefined();
    expect(decoded[1].files['b.yaml']).toBe('fine');
  });
});
