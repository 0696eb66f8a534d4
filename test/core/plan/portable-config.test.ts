import * as fc from 'fast-check';
import { deserialize, serialize } from 'v8';
import { GoMap } from '../../../src/gotemplate/go/go-map';
import { GoFloat64 } from '../../../src/gotemplate/go/go-numbers';
import { ConfigValue } from '../../../src/core/model/config-value';
import { fromPortableConfigValue, toPortableConfigValue } from '../../../src/core/plan/portable-config';

const scalar = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('true', '1', 'null', ''),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1.5),
  fc.boolean(),
  fc.constant(null),
  fc.oneof(fc.integer(), fc.constantFrom(-0, NaN, 1e6)).map((value) => new GoFloat64(value)),
);
const { value: configValue } = fc.letrec<{ value: ConfigValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar as fc.Arbitrary<ConfigValue>,
    fc.array(tie('value'), { maxLength: 4 }),
    fc
      .array(fc.tuple(scalar, tie('value')), { maxLength: 4 })
      .map((entries) => GoMap.of(entries as [string, ConfigValue][]) as ConfigValue),
  ),
}));

describe('portable config values', () => {
  test('keep their Go types through a structured clone (to a worker thread)', () => {
    fc.assert(
      fc.property(configValue, (value) => {
        const cloned = deserialize(serialize(toPortableConfigValue(value)));
        expect(fromPortableConfigValue(cloned)).toStrictEqual(value);
      }),
      { numRuns: 2000 },
    );
  });

  test.each<[string, ConfigValue, ConfigValue]>([
    ['a boolean key and a string key', GoMap.of([[true, 'a']]), GoMap.of([['true', 'a']])],
    ['an int and a float64', 1, new GoFloat64(1)],
    ['NaN and null', NaN, null],
    ['-0 and 0', -0, 0],
    ['a map and a list of its entries', GoMap.of([['a', 1]]), [['a', 1]]],
  ])('write %s as different JSON (render cache identities)', (_name, a, b) => {
    expect(JSON.stringify(toPortableConfigValue(a))).not.toBe(JSON.stringify(toPortableConfigValue(b)));
  });
});
