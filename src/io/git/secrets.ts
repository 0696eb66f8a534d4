/*
 * Keeping tokens out of everything we print. A token reaches git and GitHub only through the environment and HTTP
 * headers; any text we surface (git's stderr, GitHub's messages, our own errors) goes through `redactSecrets` first.
 */

export const REDACTED = '***';

/** The forms in which a token can show up in text: as is, URL-encoded, and Base64 in Basic authentication headers. */
export function secretForms(secret: string): string[] {
  if (secret.length < 4) return [];
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64'),
    Buffer.from(`x-access-token:${secret}`).toString('base64'),
    Buffer.from(`:${secret}`).toString('base64'),
  ]);
  return [...forms].sort((a, b) => b.length - a.length);
}

/** `text` with every form of every secret, and any password written into a URL, replaced by `***`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)([^/@\s:]*):([^/@\s]*)@/gi, `$1$2:${REDACTED}@`);
  for (const secret of secrets) {
    for (const form of secretForms(secret)) result = result.split(form).join(REDACTED);
  }
  return result;
}
