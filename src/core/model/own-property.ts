/**
 * Sets `record[key]` as an own property. Assigning a key named "__proto__" (a valid ConfigMap key) would set the
 * record's prototype instead, and the entry would be lost.
 */
export function setOwn<Value>(record: Record<string, Value>, key: string, value: Value): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[key] = value;
  }
}
