import { SourcedDocument } from '../../core/model/documents';
import { Problem, error } from '../../core/model/problems';
import { BranchFile, FileFilter } from './control-plane-source';
import { LoadLimits } from '../../core/model/limits';
import { IgnoreMatcher, IgnoreProblem, SOURCE_IGNORE_FILE } from './source-ignore';
import { parseYamlDocuments } from '../../core/model/yaml-documents';

const YAML_FILE = /\.ya?ml$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A `FileFilter` that also collects what was wrong with the `.sourceignore` files it was given. */
export interface YamlFileFilter extends FileFilter {
  /** `.sourceignore` lines that cannot be used, named by their path relative to what was read. */
  readonly problems: Problem[];
}

/**
 * A filter reading the YAML files Flux would apply: `.yaml`/`.yml`, minus Flux's default and `.sourceignore`
 * patterns; files over `maxFileBytes` are not read.
 */
export function yamlFileFilter(maxFileBytes?: number): YamlFileFilter {
  let matcher = new IgnoreMatcher();
  const problems: Problem[] = [];
  return {
    maxFileBytes,
    problems,
    folder: (path) => !matcher.isIgnored(path, true),
    file: (path) => YAML_FILE.test(path) && !matcher.isIgnored(path, false),
    ignoreFile: (folder, text) => {
      const found: IgnoreProblem[] = [];
      matcher = matcher.with(text, folder, found);
      const file = folder ? `${folder}/${SOURCE_IGNORE_FILE}` : SOURCE_IGNORE_FILE;
      for (const { line, message } of found) problems.push(error(message, { location: { file, line } }));
    },
  };
}

/** The filter's problems with files named as `parseFiles` names them: `<prefix>/<path>`. */
export function ignoreFileProblems(filter: YamlFileFilter, prefix: string): Problem[] {
  return filter.problems.map((problem) => {
    const file = problem.location?.file ?? SOURCE_IGNORE_FILE;
    return { ...problem, location: { ...problem.location, file: prefix ? `${prefix}/${file}` : file } };
  });
}

export interface ParsedDocuments {
  readonly documents: SourcedDocument[];
  readonly problems: Problem[];
}

/**
 * Decodes and parses files into documents named `<prefix>/<path>` in messages. Files that are not UTF-8, too large or
 * hold too many documents are refused whole, each with one error.
 */
export function parseFiles(
  files: readonly BranchFile[],
  prefix: string,
  branch: string,
  limits: LoadLimits,
): ParsedDocuments {
  const documents: SourcedDocument[] = [];
  const problems: Problem[] = [];
  if (files.length > limits.maxFilesPerBranch) {
    problems.push(
      error(`${files.length} YAML files; the limit is ${limits.maxFilesPerBranch}`, { location: { file: prefix } }),
    );
    return { documents, problems };
  }
  for (const { path, content, size = content.length } of files) {
    const file = prefix ? `${prefix}/${path}` : path;
    if (size > limits.maxFileBytes) {
      problems.push(
        error(`file is ${megabytes(size)}; the limit is ${megabytes(limits.maxFileBytes)}`, { location: { file } }),
      );
      continue;
    }
    let text: string;
    try {
      text = utf8.decode(content).replace(/^\uFEFF/, '');
    } catch {
      problems.push(error('file is not UTF-8 text', { location: { file, line: lineOfFirstInvalidByte(content) } }));
      continue;
    }
    const parsed = parseYamlDocuments(text, file, branch, limits);
    if (parsed.documents.length > limits.maxDocumentsPerFile) {
      problems.push(
        error(`file holds ${parsed.documents.length} documents; the limit is ${limits.maxDocumentsPerFile}`, {
          location: { file },
        }),
      );
      continue;
    }
    documents.push(...parsed.documents);
    problems.push(...parsed.problems);
  }
  return { documents, problems };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The line of the first byte that does not start a well-formed UTF-8 sequence (TextDecoder only says "invalid"). */
function lineOfFirstInvalidByte(content: Buffer): number {
  let line = 1;
  for (let i = 0; i < content.length; i++) {
    const byte = content[i];
    if (byte === 0x0a) line++;
    if (byte < 0x80) continue;
    const length =
      byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return line;
    for (let k = 1; k < length; k++) {
      if (i + k >= content.length || (content[i + k] & 0xc0) !== 0x80) return line;
    }
    i += length - 1;
  }
  return line;
}
