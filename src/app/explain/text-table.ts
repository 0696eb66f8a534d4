/** Lines of a table with columns padded to their widest cell (two spaces apart), trailing spaces trimmed. */
export function formatTable(rows: readonly (readonly string[])[], indent = ''): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, [...cell].length);
    });
  return rows.map((row) =>
    `${indent}${row.map((cell, index) => (index === row.length - 1 ? cell : cell + ' '.repeat(widths[index] - [...cell].length))).join('  ')}`.trimEnd(),
  );
}
