import fc from 'fast-check';
import { YamlNode, emitDocument } from '../../../src/gotemplate/yaml/emitter';
import { CharacterByCharacterEmitter } from './reference/character-emitter';

/*
 * The emitter writes runs of characters at once; the reference (./reference/) is the same port of libyaml written a
 * character at a time, as emitterc.go does. Both must write the same bytes for any scalar, in any style and place.
 */

const TRICKY = [
  ' ',
  '  ',
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\u0085',
  '\u2028',
  '\u2029',
  "'",
  '"',
  '\\',
  '#',
  ':',
  '- ',
  '-',
  '?',
  ',',
  '[',
  '{',
  '|',
  '>',
  '%',
  '@',
  '`',
  '&',
  '*',
  '!',
  '---',
  '...',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\u{1F600}',
  'a',
  'key',
  '\u00e9',
  '\u0000',
  '\u0007',
  '\u007f',
  '\u00a0',
  '\ufffe',
  '\u{10FFFF}',
  '0',
  'true',
];

const text = fc.oneof(
  fc.array(fc.constantFrom(...TRICKY), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ maxLength: 20 }),
);

const scalar = fc.record({
  kind: fc.constant('scalar' as const),
  value: text,
  style: fc.constantFrom('plain' as const, 'double' as const, 'literal' as const),
});

const { node } = fc.letrec<{ node: YamlNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.record({ kind: fc.constant('sequence' as const), items: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({
      kind: fc.constant('mapping' as const),
      entries: fc.array(fc.tuple(tie('node'), tie('node')), { maxLength: 4 }),
    }),
  ),
}));

describe('the yaml.v3 emitter port', () => {
  test('writes what the character-by-character port writes, for any scalar in any place', () => {
    fc.assert(
      fc.property(node, (root) => {
        expect(emitDocument(root)).toBe(emitDocument(root, new CharacterByCharacterEmitter()));
      }),
      { numRuns: 3000 },
    );
  });

  test.each(TRICKY.map((value) => [value]))('writes %j alone and as a key as the reference does', (value) => {
    for (const style of ['plain', 'double', 'literal'] as const) {
      const scalarNode: YamlNode = { kind: 'scalar', value, style };
      const trees: YamlNode[] = [
        scalarNode,
        { kind: 'mapping', entries: [[scalarNode, scalarNode]] },
        { kind: 'sequence', items: [scalarNode, { kind: 'sequence', items: [scalarNode] }] },
      ];
      for (const tree of trees) expect(emitDocument(tree)).toBe(emitDocument(tree, new CharacterByCharacterEmitter()));
    }
  });
});
