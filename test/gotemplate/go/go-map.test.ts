import { GoMap, GoMapKey, goScalarEquals, jsonKeyName } from '../../../src/gotemplate/go/go-map';
import { GoFloat64 } from '../../../src/gotemplate/go/go-numbers';

const f = (n: number) => new GoFloat64(n);

describe('GoMap compares keys as Go compares interface {} values', () => {
  test.each<[string, GoMapKey, GoMapKey, boolean]>([
    ['a string and itself', 'a', 'a', true],
    ['the boolean true and the string "true"', true, 'true', false],
    ['the int 1 and the string "1"', 1, '1', false],
    ['the int 1 and the float64 1.0', 1, f(1), false],
    ['two float64s 1.0', f(1), f(1), true],
    ['a boxed and a plain float64 1.5', f(1.5), 1.5, true],
    ['the float64s 0.0 and -0.0', f(0), f(-0), true],
    ['nil and nil', null, null, true],
    ['nil and the string "null"', null, 'null', false],
    ['NaN and NaN', NaN, NaN, false],
  ])('%s: equal = %s', (_name, a, b, equal) => {
    const map = GoMap.of([[a, 'first']]);
    expect(map.get(b) === 'first').toBe(equal);
    expect(map.set(b, 'second').size).toBe(equal ? 1 : 2);
    expect(goScalarEquals(a, b)).toBe(equal);
  });

  test('keeps every NaN key, as a Go map does, and finds none of them', () => {
    const map = GoMap.of([
      [NaN, 1],
      [NaN, 2],
      [f(NaN), 3],
    ]);
    expect(map.size).toBe(3);
    expect(map.has(NaN)).toBe(false);
  });

  test('a missing name equals a null one (both nil), and lists or maps never compare equal', () => {
    expect(goScalarEquals(undefined, null)).toBe(true);
    expect(goScalarEquals([], [])).toBe(false);
    expect(goScalarEquals(new GoMap(), new GoMap())).toBe(false);
  });
});

describe('jsonKeyName is the name json-iterator writes for a key', () => {
  test.each<[GoMapKey, string]>([
    ['a', 'a'],
    [true, 'true'],
    [false, 'false'],
    [42, '42'],
    [-1, '-1'],
    [f(1), '1'],
    [f(1e6), '1000000'],
    [0.5, '0.5'],
    [1e-7, '1e-07'],
    [f(1e21), '1e+21'],
    [f(-0), '-0'],
    [null, 'null'],
    [NaN, 'NaN'],
    [f(Infinity), '+Inf'],
  ])('%j → %s', (key, name) => {
    expect(jsonKeyName(key)).toBe(name);
  });
});
