/**
 * What libyaml's emitter (`yaml_emitter_analyze_scalar` in yaml.v3 `emitterc.go`) concludes about a scalar:
 * which styles may present it. The encoder writes only block collections (and empty `[]`/`{}`), so the flow-context
 * conclusions are left out.
 */
export interface ScalarAnalysis {
  readonly multiline: boolean;
  readonly blockPlainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
  readonly blockAllowed: boolean;
}

/** yaml.v3 `is_printable` on a code point: which characters may appear unescaped in YAML output. */
export function isYamlPrintable(c: number): boolean {
  return (
    c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

/** yaml.v3 `is_break`: CR, LF, NEL, LS, PS. */
export function isYamlBreak(c: number): boolean {
  return c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function isBlank(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09;
}

function isBlankOrBreakOrNul(c: number): boolean {
  return isBlank(c) || isYamlBreak(c) || c === 0;
}

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
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let tabCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  const starts = String.fromCodePoint(...codePoints.slice(0, 3));
  if (starts === '---' || starts === '...') {
    blockIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < n; i++) {
    const c = codePoints[i];
    const followedByWhitespace = i + 1 >= n || isBlank(codePoints[i + 1]);
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        blockIndicators = true;
      } else if (ch === '?' || ch === ':') {
        if (followedByWhitespace) {
          blockIndicators = true;
        }
      } else if (ch === '-' && followedByWhitespace) {
        blockIndicators = true;
      }
    } else if (ch === ':') {
      if (followedByWhitespace) {
        blockIndicators = true;
      }
    } else if (ch === '#' && precededByWhitespace) {
      blockIndicators = true;
    }

    if (c === 0x09) {
      tabCharacters = true;
    } else if (!isYamlPrintable(c)) {
      specialCharacters = true;
    }
    if (c === 0x20) {
      if (i === 0) {
        leadingSpace = true;
      }
      if (i === n - 1) {
        trailingSpace = true;
      }
      if (previousBreak) {
        breakSpace = true;
      }
      previousSpace = true;
      previousBreak = false;
    } else if (isYamlBreak(c)) {
      lineBreaks = true;
      if (i === 0) {
        leadingBreak = true;
      }
      if (i === n - 1) {
        trailingBreak = true;
      }
      if (previousSpace) {
        spaceBreak = true;
      }
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrBreakOrNul(c);
  }

  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    blockPlainAllowed = false;
  }
  if (trailingSpace) {
    blockAllowed = false;
  }
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || tabCharacters || specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    blockAllowed = false;
  }
  if (lineBreaks) {
    blockPlainAllowed = false;
  }
  if (blockIndicators) {
    blockPlainAllowed = false;
  }
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}
