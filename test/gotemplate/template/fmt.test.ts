import { render } from './template-data';

describe('printf follows fmt.Sprintf', () => {
  test.each([
    ['%d', '{{ printf "%d" 42 }}', '42'],
    ['widths and flags for integers', '{{ printf "%5d|%-5d|%05d|%+d|% d" 42 42 42 5 5 }}', '   42|42   |00042|+5| 5'],
    ['precision for integers', '{{ printf "%.3d" 7 }}', '007'],
    ['bases', '{{ printf "%x %X %o %b %O" 255 255 8 5 8 }}', 'ff FF 10 101 0o10'],
    ['alternate forms', '{{ printf "%#x %#o %#b" 255 8 5 }}', '0xff 010 0b101'],
    ['a negative hex', '{{ printf "%x" -255 }}', '-ff'],
    ['runes', '{{ printf "%c %q %U %#U" 65 65 65 65 }}', "A 'A' U+0041 U+0041 'A'"],
    ['an int64', '{{ printf "%d %v" (add 1 2) (mul 2 3) }}', '3 6'],
    ['%s', '{{ printf "%s" "x" }}', 'x'],
    ['string widths', '{{ printf "%5s|%-5s|%.2s" "x" "x" "abc" }}', '    x|x    |ab'],
    ['zero-padded strings', '{{ printf "%05s" "ab" }}', '000ab'],
    ['%q of strings', '{{ printf "%q" "a\\"b" }}', '"a\\"b"'],
    ['%#q backquotes when possible', '{{ printf "%#q" "ab" }}', '`ab`'],
    ['%+q escapes non-ASCII', '{{ printf "%+q" "é" }}', '"\\u00e9"'],
    ['%x of a string', '{{ printf "%x|% x|%#x|%X" "hi" "hi" "hi" "hi" }}', '6869|68 69|0x6869|6869'],
    ['%t', '{{ printf "%t %5t" true false }}', 'true false'],
    ['%f', '{{ printf "%f" 3.14159 }}', '3.141590'],
    [
      'float precision and width',
      '{{ printf "%.2f|%8.3f|%-8.2f|%08.3f|%+.1f" 3.14159 3.14159 3.14159 -3.14159 3.14159 }}',
      '3.14|   3.142|3.14    |-003.142|+3.1',
    ],
    ['rounding the exact binary value', '{{ printf "%.2f %.1f %.0f %.0f" 12.345 0.25 0.5 1.5 }}', '12.35 0.2 0 2'],
    [
      '%e, %g and %G',
      '{{ printf "%e %g %G %.3g" 1234.5678 1234.5678 0.0000001 1234.5678 }}',
      '1.234568e+03 1234.5678 1E-07 1.23e+03',
    ],
    ['%v of floats', '{{ printf "%v %v %v" 1.0 100000.0 1000000.0 }}', '1 100000 1e+06'],
    ['%v of a list', '{{ printf "%v" (list "a" 1 true) }}', '[a 1 true]'],
    ['%q of a list applies to each element', '{{ printf "%q" (list "a" "b") }}', '["a" "b"]'],
    ['%d of a list with a string marks the element', '{{ printf "%d" (list 1 "x") }}', '[1 %!d(string=x)]'],
    ['%v of a map', '{{ printf "%v" (dict "b" 2 "a" 1) }}', 'map[a:1 b:2]'],
    ['nil inside a list prints <nil> for any verb', '{{ printf "%d" (list 1 nil) }}', '[1 <nil>]'],
    [
      '%T',
      '{{ printf "%T %T %T %T %T %T %T" 1 1.5 "s" true (list) (dict) (add 1 1) }}',
      'int float64 string bool []interface {} map[string]interface {} int64',
    ],
    ['%T of nil', '{{ printf "%T" nil }}', '<nil>'],
    ['%v of nil', '{{ printf "%v" nil }}', '<nil>'],
    ['a percent sign', '{{ printf "100%%" }}', '100%'],
    ['star width and precision', '{{ printf "%*d|%-*d|%.*f" 5 42 5 42 2 3.14159 }}', '   42|42   |3.14'],
    ['argument indexes', '{{ printf "%[2]d %[1]d" 1 2 }}', '2 1'],
    ['a bad verb', '{{ printf "%z" 1 }}', '%!z(int=1)'],
    ['a wrong verb for a string', '{{ printf "%d" "x" }}', '%!d(string=x)'],
    ['a wrong verb for a float', '{{ printf "%d" 1.5 }}', '%!d(float64=1.5)'],
    ['a wrong verb for an int', '{{ printf "%f %t" 5 1 }}', '%!f(int=5) %!t(int=1)'],
    ['a wrong verb for nil', '{{ printf "%s %d" nil nil }}', '%!s(<nil>) %!d(<nil>)'],
    ['a missing argument', '{{ printf "%d %d" 1 }}', '1 %!d(MISSING)'],
    ['extra arguments', '{{ printf "%d" 1 2 "x" }}', '1%!(EXTRA int=2, string=x)'],
    ['a percent sign at the end', '{{ printf "a%" }}', 'a%!(NOVERB)'],
    ['a width that is not an int', '{{ printf "%*d" "x" 1 }}', '%!(BADWIDTH)1'],
    ['%+v of the struct names fields', '{{ printf "%+v" (dict "a" .Workload) }}', 'map[a:hello-world-app]'],
  ])('%s', (_name, text, expected) => {
    expect(render(text)).toBe(expected);
  });
});

describe('print and println follow fmt.Sprint and fmt.Sprintln', () => {
  test.each([
    ['spaces only between non-string operands', '{{ print "a" 1 2 "b" }}', 'a1 2b'],
    ['strings are joined', '{{ print "a" "b" }}', 'ab'],
    ['nil prints <nil>', '{{ print nil 1 }}', '<nil> 1'],
    ['println separates everything and ends the line', '{{ println "a" 1 }}', 'a 1\n'],
    ['print with no arguments', '[{{ print }}]', '[]'],
  ])('%s', (_name, text, expected) => {
    expect(render(text)).toBe(expected);
  });
});
