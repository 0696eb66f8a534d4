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

export function isBlank(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09;
}

export function isBlankOrBreakOrNul(c: number): boolean {
  return isBlank(c) || isYamlBreak(c) || c === 0;
}

/** The characters that make a scalar starting with one of them need quotes (`#,[]{}&*!|>'"%@\``). */
const LEADING_INDICATORS = new Set(Array.from('#,[]{}&*!|>\'"%@`', (ch) => ch.charCodeAt(0)));

/** How many UTF-16 code units the code point `c` takes (a lone surrogate, one). */
export function codePointWidth(c: number): number {
  return c > 0xffff ? 2 : 1;
}

export function analyzeScalar(value: string): ScalarAnalysis {
  const n = value.length;
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

  if (value.startsWith('---') || value.startsWith('...')) {
    flags.blockIndicators = true;
  }
  let precededByWhitespace = true;
  // One code point at a time: `i` is its first code unit, `next` the first of the one after it.
  for (let i = 0; i < n;) {
    const c = value.codePointAt(i)!;
    const next = i + codePointWidth(c);
    const first = i === 0;
    const last = next >= n;
    const followedByWhitespace = last || isBlank(value.charCodeAt(next));
    if (first) {
      if (LEADING_INDICATORS.has(c)) {
        flags.blockIndicators = true;
      } else if (c === 0x3f || c === 0x3a) {
        if (followedByWhitespace) {
          flags.blockIndicators = true;
        }
      } else if (c === 0x2d && followedByWhitespace) {
        flags.blockIndicators = true;
      }
    } else if (c === 0x3a) {
      if (followedByWhitespace) {
        flags.blockIndicators = true;
      }
    } else if (c === 0x23 && precededByWhitespace) {
      flags.blockIndicators = true;
    }

    if (c === 0x09) {
      flags.tabCharacters = true;
    } else if (!isYamlPrintable(c)) {
      flags.specialCharacters = true;
    }
    if (c === 0x20) {
      if (first) {
        flags.leadingSpace = true;
      }
      if (last) {
        flags.trailingSpace = true;
      }
      if (previousBreak) {
        flags.breakSpace = true;
      }
      previousSpace = true;
      previousBreak = false;
    } else if (isYamlBreak(c)) {
      flags.lineBreaks = true;
      if (first) {
        flags.leadingBreak = true;
      }
      if (last) {
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
    i = next;
  }

  return concludeScalarAnalysis(flags);
}

/** What `analyzeScalar` finds in a scalar's characters. */
export interface ScalarFlags {
  blockIndicators: boolean;
  lineBreaks: boolean;
  specialCharacters: boolean;
  tabCharacters: boolean;
  leadingSpace: boolean;
  leadingBreak: boolean;
  trailingSpace: boolean;
  trailingBreak: boolean;
  breakSpace: boolean;
  spaceBreak: boolean;
}

/** Flags before any character is seen. */
export function noScalarFlags(): ScalarFlags {
  return {
    blockIndicators: false,
    lineBreaks: false,
    specialCharacters: false,
    tabCharacters: false,
    leadingSpace: false,
    leadingBreak: false,
    trailingSpace: false,
    trailingBreak: false,
    breakSpace: false,
    spaceBreak: false,
  };
}

/** Which styles may present a scalar with these flags. */
export function concludeScalarAnalysis(flags: ScalarFlags): ScalarAnalysis {
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (flags.leadingSpace || flags.leadingBreak || flags.trailingSpace || flags.trailingBreak) {
    blockPlainAllowed = false;
  }
  if (flags.trailingSpace) {
    blockAllowed = false;
  }
  if (flags.breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (flags.spaceBreak || flags.tabCharacters || flags.specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (flags.spaceBreak || flags.specialCharacters) {
    blockAllowed = false;
  }
  if (flags.lineBreaks) {
    blockPlainAllowed = false;
  }
  if (flags.blockIndicators) {
    blockPlainAllowed = false;
  }
  return { multiline: flags.lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}
