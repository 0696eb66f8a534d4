import { Glob, GlobError, compileGlob } from './glob';

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

/** Largest `.sourceignore` read; past it the file is refused (its patterns are matched against every path). */
export const MAX_SOURCE_IGNORE_BYTES = 64 * 1024;

interface Pattern {
  /** Folder (relative, '' for the root) the pattern was written in. */
  readonly base: string;
  readonly negate: boolean;
  readonly directoryOnly: boolean;
  readonly glob: Glob;
}

/** A line of a `.sourceignore` that cannot be used, and why. */
export interface IgnoreProblem {
  /** 1-based line; undefined for the whole file. */
  readonly line?: number;
  readonly message: string;
}

/** Parses gitignore lines written in folder `base` ('' for the branch root); lines that cannot be used are reported. */
export function parseIgnorePatterns(text: string, base = ''): { patterns: Pattern[]; problems: IgnoreProblem[] } {
  const patterns: Pattern[] = [];
  const problems: IgnoreProblem[] = [];
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_SOURCE_IGNORE_BYTES) {
    problems.push({
      message: `file is over ${MAX_SOURCE_IGNORE_BYTES} bytes, the limit; none of its patterns are used`,
    });
    return { patterns, problems };
  }
  text.split(/\r?\n/).forEach((rawLine, index) => {
    let line = trimTrailingSpace(rawLine);
    if (line === '' || line.startsWith('#')) return;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    try {
      patterns.push({ base, negate, directoryOnly, glob: compileGlob(line, !anchored) });
    } catch (e) {
      if (!(e instanceof GlobError)) throw e;
      problems.push({ line: index + 1, message: `pattern ${JSON.stringify(rawLine)} cannot be used: ${e.message}` });
    }
  });
  return { patterns, problems };
}

/** gitignore's trailing-space rule: trailing spaces go unless escaped with a backslash. */
function trimTrailingSpace(line: string): string {
  let end = line.length;
  while (end > 0 && /\s/.test(line[end - 1]) && line[end - 2] !== '\\') end--;
  return line.slice(0, end);
}

const DEFAULT_PATTERNS = parseIgnorePatterns(FLUX_DEFAULT_IGNORES.join('\n')).patterns;

/** Decides for each path of a branch whether it is ignored; later patterns win, as in gitignore. */
export class IgnoreMatcher {
  private readonly patterns: Pattern[];

  public constructor(patterns: readonly Pattern[] = []) {
    this.patterns = [...DEFAULT_PATTERNS, ...patterns];
  }

  /**
   * A matcher with the patterns of a `.sourceignore` found in `base` added; `problems` receives the lines that cannot
   * be used (they are left out).
   */
  public with(text: string, base: string, problems: IgnoreProblem[] = []): IgnoreMatcher {
    const parsed = parseIgnorePatterns(text, base);
    problems.push(...parsed.problems);
    return new IgnoreMatcher([...this.patterns.slice(DEFAULT_PATTERNS.length), ...parsed.patterns]);
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
      if (pattern.glob.matches(relative)) ignored = !pattern.negate;
    }
    return ignored;
  }
}
