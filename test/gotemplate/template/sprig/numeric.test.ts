import { render, renderError, STRUCTURED } from '../template-data';

describe('sprig conversions and arithmetic', () => {
  test.each([
    ['atoi', '{{ atoi "42" }}', '42'],
    ['atoi of text is 0', '{{ atoi "x" }} {{ atoi "4.2" }} {{ atoi " 4" }}', '0 0 0'],
    ['int of a string', '{{ int "42" }}', '42'],
    ['int truncates floats', '{{ int 4.9 }} {{ int -4.9 }}', '4 -4'],
    ['int of a bool', '{{ int true }}', '1'],
    ['int of a decimal string is 0', '{{ int "4.2" }}', '0'],
    ['int of a missing key is 0', '{{ int .ConfigData.nokey }}', '0'],
    ['int of a config string', '{{ int .ConfigData.COUNT | add 1 }}', '4'],
    ['int64', '{{ int64 "9223372036854775807" }}', '9223372036854775807'],
    ['float64', '{{ float64 "1.5" }} {{ float64 3 }} {{ float64 "x" }}', '1.5 3 0'],
    ['float64 is a float64', '{{ float64 3 | printf "%T" }}', 'float64'],
    ['toDecimal reads octal', '{{ toDecimal "0777" }} {{ toDecimal 777 }} {{ toDecimal "8" }}', '511 511 0'],
    ['add', '{{ add 1 2 3 }}', '6'],
    ['add converts strings and truncates floats', '{{ add "1" 2 1.9 }}', '4'],
    ['add of nothing', '{{ add }}', '0'],
    ['add wraps around like int64', '{{ add (int64 "9223372036854775807") 1 }}', '-9223372036854775808'],
    ['add1', '{{ add1 5 }}', '6'],
    ['sub', '{{ sub 5 3 }}', '2'],
    ['mul', '{{ mul 2 3 4 }}', '24'],
    ['div truncates toward zero', '{{ div 7 2 }} {{ div -7 2 }}', '3 -3'],
    ['mod keeps the sign of the dividend', '{{ mod 7 3 }} {{ mod -7 3 }}', '1 -1'],
    ['max and biggest', '{{ max 1 5 3 }} {{ biggest "3" 2 }}', '5 3'],
    ['min', '{{ min 4 2 8 }}', '2'],
    ['ceil and floor', '{{ ceil 1.2 }} {{ floor 1.8 }} {{ ceil "1.2" }}', '2 1 2'],
    ['round to places', '{{ round 3.14159 2 }}', '3.14'],
    ['round half up', '{{ round 2.5 0 }} {{ round 2.4 0 }}', '3 2'],
    ['round of a negative half', '{{ round -2.5 0 }}', '-3'],
    ['round with a custom threshold', '{{ round 3.14159 2 0.2 }}', '3.14'],
    ['until', '{{ until 3 }}', '[0 1 2]'],
    ['until counts down for negative counts', '{{ until -3 }}', '[0 -1 -2]'],
    ['until 0', '{{ until 0 }}', '[]'],
    ['untilStep', '{{ untilStep 0 10 3 }}', '[0 3 6 9]'],
    ['untilStep backwards', '{{ untilStep 10 0 -4 }}', '[10 6 2]'],
    ['untilStep with a zero step', '{{ untilStep 0 10 0 }}', '[]'],
    ['until is a []int', '{{ until 2 | printf "%T" }}', '[]int'],
  ])('%s', (_name, text, expected) => {
    expect(render(text, STRUCTURED)).toBe(expected);
  });

  test.each([
    ['fails on division by zero', '{{ div 1 0 }}', 'error calling div: runtime error: integer divide by zero'],
    ['fails on modulo by zero', '{{ mod 1 0 }}', 'error calling mod: runtime error: integer divide by zero'],
    [
      'fails on an int64 where until wants an int',
      '{{ until (add 1 1) }}',
      'wrong type for value; expected int; got int64',
    ],
  ])('%s', (_name, text, expected) => {
    expect(renderError(text)).toContain(expected);
  });
});
