/*
 * Which files of a branch are read: Flux's rules, since Flux is what applies a control-plane branch upstream.
 * source-controller ignores VCS and CI files by default and honours `.sourceignore` files (gitignore syntax), each
 * applying to its own folder and below.
 */

/** source-controller's default patterns (pkg/sourceignore: ExcludeVCS, ExcludeCI, ExcludeExtra). */
export const FLUX_DEFAULT_IGNORES = [
  '.git/',
  '.gitignore',
  '.gitmodules',
  '.gitattributes',
  '.github/',
  '.circleci/',
  '.travis.yml',
  '.gitlab-ci.yml',
  'appveyor.yml',
  '.drone.yml',
  'cloudbuild.yaml',
  'codeship-services.yml',
  'codeship-steps.yml',
  '**/.goreleaser.yml',
  '**/.goreleaser.brew.yml',
  '**/.sops.yaml',
  '**/.flux.yaml',
  '**/.golangci.yaml',
];

export const SOURCE_IGNORE_FILE = '.sourceignore';

interface Pattern {
  /** Folder (relative, '' for the root) the pattern was written in. */
  readonly base: string;
  readonly negate: boolean;
  readonly directoryOnly: boolean;
  readonly regex: RegExp;
}

/** Parses gitignore lines written in folder `base` ('' for the branch root). */
export function parseIgnorePatterns(text: string, base = ''): Pattern[] {
  const patterns: Pattern[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const body = globToRegex(line);
    patterns.push({ base, negate, directoryOnly, regex: new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`) });
  }
  return patterns;
}

function globToRegex(glob: string): string {
  let regex = '';
  for (let i = 0; i < glob.length; i++) {
    const character = glob[i];
    if (character === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      regex += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (character === '*') regex += '[^/]*';
    else if (character === '?') regex += '[^/]';
    else if (character === '\\' && i + 1 < glob.length) regex += escapeRegex(glob[++i]);
    else if (character === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) regex += '\\[';
      else {
        regex += `[${glob.slice(i + 1, end).replace(/^!/, '^')}]`;
        i = end;
      }
    } else regex += escapeRegex(character);
  }
  return regex;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Decides for each path of a branch whether it is ignored; later patterns win, as in gitignore. */
export class IgnoreMatcher {
  private readonly patterns: Pattern[];

  public constructor(patterns: readonly Pattern[] = []) {
    this.patterns = [...parseIgnorePatterns(FLUX_DEFAULT_IGNORES.join('\n')), ...patterns];
  }

  /** A matcher with the patterns of a `.sourceignore` found in `base` added. */
  public with(text: string, base: string): IgnoreMatcher {
    return new IgnoreMatcher([...this.patterns.slice(FLUX_DEFAULT_IGNORES.length), ...parseIgnorePatterns(text, base)]);
  }

  /** Whether `path` (relative to the branch root, `/`-separated) is ignored, itself or through a parent folder. */
  public isIgnored(path: string, isDirectory: boolean): boolean {
    const segments = path.split('/');
    for (let length = 1; length <= segments.length; length++) {
      const prefix = segments.slice(0, length).join('/');
      const directory = length < segments.length || isDirectory;
      if (this.matches(prefix, directory)) return true;
    }
    return false;
  }

  private matches(path: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const pattern of this.patterns) {
      if (pattern.directoryOnly && !isDirectory) continue;
      if (pattern.base && !path.startsWith(`${pattern.base}/`)) continue;
      const relative = pattern.base ? path.slice(pattern.base.length + 1) : path;
      if (pattern.regex.test(relative)) ignored = !pattern.negate;
    }
    return ignored;
  }
}
