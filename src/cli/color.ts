/** How the command line highlights text: ANSI colours on a terminal, nothing elsewhere. */
export interface Palette {
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly hint: (text: string) => string;
  readonly added: (text: string) => string;
  readonly removed: (text: string) => string;
  readonly bold: (text: string) => string;
}

const identity = (text: string) => text;

export const PLAIN: Palette = {
  error: identity,
  warning: identity,
  hint: identity,
  added: identity,
  removed: identity,
  bold: identity,
};

const sgr = (open: number, close: number) => (text: string) =>
  text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`;

export const ANSI: Palette = {
  error: sgr(31, 39),
  warning: sgr(33, 39),
  hint: sgr(2, 22),
  added: sgr(32, 39),
  removed: sgr(31, 39),
  bold: sgr(1, 22),
};

/**
 * Whether to colour a stream (https://no-color.org, https://force-color.org): a non-empty `FORCE_COLOR` decides
 * (`0` and `false` turn colour off, as in Node), else a non-empty `NO_COLOR` turns it off, else only a terminal
 * gets colour.
 */
export function isColorEnabled(isTTY: boolean, env: Readonly<Record<string, string | undefined>> = {}): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

export function palette(enabled: boolean): Palette {
  return enabled ? ANSI : PLAIN;
}
