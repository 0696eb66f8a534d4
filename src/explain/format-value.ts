import { SourceLocation, formatLocation } from '../model/problems';

/** A config or manifest value for humans: strings quoted, the rest as compact JSON, cut at `max` characters. */
export function formatValue(value: unknown, max = 80): string {
  const text = value === undefined ? '(none)' : JSON.stringify(value) ?? String(value);
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}

/** `file:line:column`, or `code` for objects built in code. */
export function formatWhere(location: SourceLocation | undefined): string {
  return location ? formatLocation(location) : 'code';
}
