import { formatFloat } from '../../../src/gotemplate/go/format-float';

describe('formatFloat (strconv.FormatFloat, 64-bit)', () => {
  test.each([
    ['shortest %g of an integral value has no decimal point', 3, 'g', -1, '3'],
    ['shortest %g of a fraction', 1.5, 'g', -1, '1.5'],
    ['shortest %g switches to an exponent at 1e21', 1e21, 'g', -1, '1e+21'],
    ['shortest %g uses an exponent from 1e6 on (exponent >= 6 digits)', 1e6, 'g', -1, '1e+06'],
    ['shortest %g keeps 123456 plain', 123456, 'g', -1, '123456'],
    ['shortest %g writes 1234567 with an exponent', 1234567, 'g', -1, '1.234567e+06'],
    ['shortest %g keeps 0.0001 plain', 0.0001, 'g', -1, '0.0001'],
    ['shortest %g writes 0.00001 with an exponent', 0.00001, 'g', -1, '1e-05'],
    ['shortest %g of zero', 0, 'g', -1, '0'],
    ['shortest %g of negative zero', -0, 'g', -1, '-0'],
    ['shortest %g of 0.1 + 0.2', 0.1 + 0.2, 'g', -1, '0.30000000000000004'],
    ['shortest %g of a large exponent uses three digits', 1.5e300, 'g', -1, '1.5e+300'],
    ['shortest %g of a tiny denormal', 5e-324, 'g', -1, '5e-324'],
    ['positive infinity', Infinity, 'g', -1, '+Inf'],
    ['negative infinity', -Infinity, 'f', 2, '-Inf'],
    ['NaN', NaN, 'e', 3, 'NaN'],
    ['%f with precision 6', Math.PI, 'f', 6, '3.141593'],
    ['%f with precision 0 rounds half to even (0.5)', 0.5, 'f', 0, '0'],
    ['%f with precision 0 rounds half to even (1.5)', 1.5, 'f', 0, '2'],
    ['%f with precision 0 rounds half to even (2.5)', 2.5, 'f', 0, '2'],
    ['%f rounds the exact binary value (1.005 is below the half)', 1.005, 'f', 2, '1.00'],
    ['%f rounds up across digits', 0.999, 'f', 2, '1.00'],
    ['%f pads with zeros', 2, 'f', 3, '2.000'],
    ['%f of a small value', 0.006, 'f', 2, '0.01'],
    ['%f shortest', 1e21, 'f', -1, '1000000000000000000000'],
    ['%f shortest of a fraction', 0.000001, 'f', -1, '0.000001'],
    ['%e with precision 6', 123456.789, 'e', 6, '1.234568e+05'],
    ['%e shortest', 1234.5, 'e', -1, '1.2345e+03'],
    ['%E upper case', 0.00012, 'E', 2, '1.20E-04'],
    ['%e of zero', 0, 'e', 2, '0.00e+00'],
    ['%g with precision 3', 1234.5678, 'g', 3, '1.23e+03'],
    ['%g with precision 3 of a small integer drops trailing zeros', 1, 'g', 3, '1'],
    ['%g with precision 0 means 1 digit', 123, 'g', 0, '1e+02'],
    ['%G upper case exponent', 1e-7, 'G', -1, '1E-07'],
  ] as const)('%s', (_name, value, fmt, prec, expected) => {
    expect(formatFloat(value, fmt, prec)).toBe(expected);
  });
});
