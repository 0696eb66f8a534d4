import {
  LazyContent,
  contentBytes,
  knownContentHash,
  lazyContents,
  lazyFiles,
} from '../../../src/core/plan/lazy-files';

describe('lazyFiles', () => {
  test('reads lazy content once, when a property is read, and knows its hash before', () => {
    const read = jest.fn(() => Buffer.from('kind: Namespace\n'));
    const files = lazyFiles([
      ['a.yaml', 'plain'],
      ['b.yaml', new LazyContent('hash-b', read)],
    ]);
    expect(Object.keys(files)).toEqual(['a.yaml', 'b.yaml']);
    expect(knownContentHash(files, 'b.yaml')).toBe('hash-b');
    expect(knownContentHash(files, 'a.yaml')).toBeUndefined();
    expect(read).not.toHaveBeenCalled();
    expect(Object.entries(files)).toEqual([
      ['a.yaml', 'plain'],
      ['b.yaml', 'kind: Namespace\n'],
    ]);
    expect(files['b.yaml']).toBe('kind: Namespace\n');
    expect(read).toHaveBeenCalledTimes(1);
  });

  test('content copied into another record stays lazy and is still read once', () => {
    const read = jest.fn(() => Buffer.from('content'));
    const first = lazyFiles([['b.yaml', new LazyContent('h', read)]]);
    const second = lazyFiles([['folder/b.yaml', lazyContents(first)!.get('b.yaml')!]]);
    expect(knownContentHash(second, 'folder/b.yaml')).toBe('h');
    expect(read).not.toHaveBeenCalled();
    expect(second['folder/b.yaml']).toBe('content');
    expect(first['b.yaml']).toBe('content');
    expect(read).toHaveBeenCalledTimes(1);
  });

  test('gives the bytes of lazy content as loaded, without making text of them, and of text encoded', () => {
    const bytes = Buffer.from('caf\u00e9\n');
    const read = jest.fn(() => bytes);
    const files = lazyFiles([
      ['a.yaml', 'd\u00e9j\u00e0'],
      ['b.yaml', new LazyContent('h', read)],
    ]);
    expect(contentBytes(files, 'b.yaml')).toBe(bytes);
    expect(contentBytes(files, 'a.yaml')).toEqual(Buffer.from('d\u00e9j\u00e0'));
    expect(files['b.yaml']).toBe('caf\u00e9\n');
    expect(contentBytes(files, 'b.yaml')).toEqual(bytes);
    expect(read).toHaveBeenCalledTimes(2);
  });
});
