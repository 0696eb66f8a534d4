/**
 * Every relative link of the README and of docs/ leads to a file of this repository, and a link to a heading of one of
 * these pages (`page.md#heading`) to a heading that exists, as GitHub names its anchors.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/cli';

/** Pages other parts of the project write (the CLI reference is generated from `--help`). */
const WRITTEN_ELSEWHERE: string[] = [];

function markdownFiles(folder: string): string[] {
  return fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return markdownFiles(relative);
    return entry.name.endsWith('.md') ? [relative] : [];
  });
}

/** Links outside code blocks and code spans: `[text](target)`. */
function links(markdown: string): string[] {
  const prose = markdown.replace(/^(`{3,}).*\n[\s\S]*?^\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes. */
function anchors(markdown: string): Set<string> {
  const headings = markdown
    .replace(/^(`{3,}).*\n[\s\S]*?^\1\s*$/gm, '')
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line));
  return new Set(
    headings.map((line) =>
      line
        .replace(/^#+ /, '')
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
}

const PAGES = ['README.md', ...markdownFiles('docs'), ...markdownFiles('examples')];

test.each(PAGES)('every relative link of %s resolves', (page) => {
  const broken = links(fs.readFileSync(path.join(ROOT, page), 'utf8'))
    .filter((link) => !/^[a-z]+:/i.test(link))
    .filter((link) => {
      const [target, anchor] = link.split('#');
      const file = target === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), target));
      if (WRITTEN_ELSEWHERE.includes(file)) return false;
      if (!fs.existsSync(path.join(ROOT, file))) return true;
      if (!anchor || !file.endsWith('.md') || file.startsWith('docs/reference/api/')) return false;
      return !anchors(fs.readFileSync(path.join(ROOT, file), 'utf8')).has(anchor);
    });
  expect(broken).toEqual([]);
});
