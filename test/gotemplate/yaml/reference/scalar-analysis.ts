import {
  ScalarAnalysis,
  concludeScalarAnalysis,
  noScalarFlags,
  isBlank,
  isBlankOrBreakOrNul,
  isYamlBreak,
  isYamlPrintable,
} from '../../../../src/gotemplate/yaml/scalar-analysis';

/** The scalar analysis of src/gotemplate/yaml/scalar-analysis.ts on an array of code points, as the port first did. */
export function analyzeScalar(codePoints: readonly number[]): ScalarAnalysis {
  const n = codePoints.length;
  if (n === 0) {
    return {
      multiline: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    };
  }
  const flags = noScalarFlags();
  let previousSpace = false;
  let previousBreak = false;

  const starts = String.fromCodePoint(...codePoints.slice(0, 3));
  if (starts === '---' || starts === '...') {
    flags.blockIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < n; i++) {
    const c = codePoints[i];
    const followedByWhitespace = i + 1 >= n || isBlank(codePoints[i + 1]);
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flags.blockIndicators = true;
      } else if (ch === '?' || ch === ':') {
        if (followedByWhitespace) {
          flags.blockIndicators = true;
        }
      } else if (ch === '-' && followedByWhitespace) {
        flags.blockIndicators = true;
      }
    } else if (ch === ':') {
      if (followedByWhitespace) {
        flags.blockIndicators = true;
      }
    } else if (ch === '#' && precededByWhitespace) {
      flags.blockIndicators = true;
    }

    if (c === 0x09) {
      flags.tabCharacters = true;
    } else if (!isYamlPrintable(c)) {
      flags.specialCharacters = true;
    }
    if (c === 0x20) {
      if (i === 0) {
        flags.leadingSpace = true;
      }
      if (i === n - 1) {
        flags.trailingSpace = true;
      }
      if (previousBreak) {
        flags.breakSpace = true;
      }
      previousSpace = true;
      previousBreak = false;
    } else if (isYamlBreak(c)) {
      flags.lineBreaks = true;
      if (i === 0) {
        flags.leadingBreak = true;
      }
      if (i === n - 1) {
        flags.trailingBreak = true;
      }
      if (previousSpace) {
        flags.spaceBreak = true;
      }
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrBreakOrNul(c);
  }

  return concludeScalarAnalysis(flags);
}
