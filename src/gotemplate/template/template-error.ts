/** What went wrong while rendering a Template manifest. */
export type TemplateErrorKind = 'parse' | 'execute' | 'limit';

export interface TemplateErrorDetails {
  /** Go's message (`template: template:1:3: executing "template" at <.Repo>: …`), or ours for limits. */
  readonly goMessage: string;
  readonly kind: TemplateErrorKind;
  /** The Template object's name, when the caller gave it. */
  readonly templateName?: string;
  /** Index into `Template.spec.manifests`, for `renderManifests`. */
  readonly manifestIndex?: number;
  /** 1 for the manifest text itself, 2 and more for nested re-rendering of its output. */
  readonly pass: number;
  /** 1-based line in the text of that pass. */
  readonly line?: number;
  /** 0-based byte column in that line (Go's convention), for execution errors. */
  readonly column?: number;
}

/**
 * A Template manifest that cannot be rendered. The message starts with where (`Template "arc-flux"
 * manifests[1]`, and the nested pass if not the first) followed by Go's own error text, so that it reads like
 * the upstream Kalypso error with its context.
 */
export class TemplateError extends Error {
  readonly goMessage: string;
  readonly kind: TemplateErrorKind;
  readonly templateName: string | undefined;
  readonly manifestIndex: number | undefined;
  readonly pass: number;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(details: TemplateErrorDetails) {
    super(describe(details));
    this.name = 'TemplateError';
    this.goMessage = details.goMessage;
    this.kind = details.kind;
    this.templateName = details.templateName;
    this.manifestIndex = details.manifestIndex;
    this.pass = details.pass;
    this.line = details.line;
    this.column = details.column;
  }
}

function describe(d: TemplateErrorDetails): string {
  const where: string[] = [];
  if (d.templateName !== undefined) {
    where.push(`Template ${JSON.stringify(d.templateName)}`);
  }
  if (d.manifestIndex !== undefined) {
    where.push(`manifests[${d.manifestIndex}]`);
  }
  if (d.pass > 1) {
    where.push(`(nested rendering, pass ${d.pass})`);
  }
  return where.length === 0 ? d.goMessage : `${where.join(' ')}: ${d.goMessage}`;
}
