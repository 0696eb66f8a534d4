/**
 * The environment a promotion moves on to after `current` (pure): `override` when given (`--next`), else the one
 * declared after it on `main` (Environment objects in the order they are read: by file path, then position in the
 * file), else none — `current` is the last.
 */
export function nextEnvironment(order: readonly string[], current: string, override?: string): string | undefined {
  if (override !== undefined) return override;
  const index = order.indexOf(current);
  return index >= 0 && index + 1 < order.length ? order[index + 1] : undefined;
}
