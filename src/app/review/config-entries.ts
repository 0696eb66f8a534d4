import { loadAll } from 'js-yaml';

/**
 * The key → value pairs of a platform config file, for telling reviewers which keys changed: the `data` of the
 * ConfigMap(s) in `platform-config.yaml`, or the `export KEY="value"` lines of `platform-config.sh`. Undefined when
 * the text is neither (a Template may write anything).
 */
export function configEntries(path: string, text: string): Record<string, string> | undefined {
  if (path.endsWith('.sh')) return shellEntries(text);
  let documents: unknown[];
  try {
    documents = loadAll(text);
  } catch {
    return undefined;
  }
  const maps = documents.filter(
    (document): document is { kind: string; data?: unknown } =>
      typeof document === 'object' && document !== null && (document as { kind?: unknown }).kind === 'ConfigMap',
  );
  if (maps.length === 0) return undefined;
  const entries: Record<string, string> = {};
  for (const map of maps) {
    if (typeof map.data !== 'object' || map.data === null) continue;
    for (const [key, value] of Object.entries(map.data))
      entries[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return entries;
}

function shellEntries(text: string): Record<string, string> | undefined {
  const entries: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = /^export ([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"$/.exec(line);
    if (!match) return undefined;
    entries[match[1]] = match[2].replace(/\\(.)/g, '$1');
  }
  return entries;
}
