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

/**
 * The user information of a URL written into text (`https://user:secret@host`, `https://token@host`): the password
 * always, and for http(s) a user name standing alone too (a token is often passed that way). `ssh://git@host` keeps
 * its user name, which is no secret.
 */
const URL_CREDENTIALS =
  /\b([a-z][a-z0-9+.-]*):\/\/([^/?#\s"'<>@:]*)(:[^/?#\s"'<>]*)?@(?=[^/?#\s"'<>@]*(?:[/?#\s"'<>]|$))/gi;

/** `text` with the credentials written into any URL in it replaced by `***` (see `URL_CREDENTIALS`). */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, (match, scheme: string, user: string, password: string | undefined) => {
    if (password !== undefined) return `${scheme}://${user}:${REDACTED}@`;
    return /^https?$/i.test(scheme) ? `${scheme}://${REDACTED}@` : match;
  });
}

/** `text` with every form of every secret, and any credentials written into a URL, replaced by `***`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = redactUrlCredentials(text);
  for (const secret of secrets) {
    for (const form of secretForms(secret)) result = result.split(form).join(REDACTED);
  }
  return result;
}
