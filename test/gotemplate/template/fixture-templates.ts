import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'templates');

export interface FixtureTemplate {
  readonly file: string;
  readonly name: string;
  readonly manifests: string[];
}

interface Doc {
  kind?: string;
  metadata?: { name?: string };
  spec?: { manifests?: unknown };
}

/** Every YAML document of a fixture file. */
export function loadDocs(file: string): Doc[] {
  return loadAll(readFileSync(join(FIXTURES, file), 'utf8')) as Doc[];
}

/**
 * The Templates of a fixture file, with their manifest strings as Kubernetes (Go YAML) reads them.
 * js-yaml gives a literal block that ends the file without a line break a final "\n" anyway; Go's YAML does
 * not (docs/explanation/scheduling-and-config.md#renderers-and-templates), so that newline is removed again here.
 */
export function loadTemplates(file: string): FixtureTemplate[] {
  const source = readFileSync(join(FIXTURES, file), 'utf8');
  const templates = loadDocs(file)
    .filter((d) => d?.kind === 'Template')
    .map((d) => ({ file, name: d.metadata?.name ?? '', manifests: [...((d.spec?.manifests ?? []) as string[])] }));
  const last = templates[templates.length - 1];
  if (!source.endsWith('\n') && last !== undefined && last.manifests.length > 0) {
    const i = last.manifests.length - 1;
    last.manifests[i] = last.manifests[i].replace(/\n$/, '');
  }
  return templates;
}

/** Every fixture file under `folder` (relative to the fixtures root). */
export function fixtureFiles(folder: string): string[] {
  return readdirSync(join(FIXTURES, folder))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(folder, f));
}
