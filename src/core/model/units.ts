/** `95%` → 0.95; undefined when it is not a percentage from 1 to 100 (fractions allowed: `99.5%`). */
export function parsePercentage(text: string): number | undefined {
  const match = /^(\d{1,3}(\.\d+)?)%$/.exec(text);
  const value = match ? Number(match[1]) : NaN;
  return value >= 1 && value <= 100 ? value / 100 : undefined;
}

/** Whether `zone` is an IANA time zone this Node knows (`Europe/Berlin`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
