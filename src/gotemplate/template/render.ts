import { BUILTINS } from './builtins';
import { ExecError, executeTemplate, ExecuteLimits } from './executor';
import { FunctionTable, LimitError } from './functions';
import { KALYPSO_FUNCTIONS } from './kalypso-functions';
import { ParseError, parseTemplates, ParsedTemplates } from './parser';
import { SPRIG_FUNCTIONS } from './sprig';
import { TemplateError } from './template-error';
import { GoStruct, MAP_STRING_ANY, MAP_STRING_STRING, typed } from './values';

/**
 * The data a Template renders with: Kalypso's `dataType` struct
 * (docs/explanation/scheduling-and-config.md#what-a-template-sees). Only these nine fields exist; any other field
 * (`.Repo`) is an execution error, while missing keys of the maps print `<no value>`.
 */
export interface TemplateData {
  readonly DeploymentTargetName: string;
  readonly Namespace: string;
  readonly Environment: string;
  readonly Workspace: string;
  readonly Workload: string;
  readonly Labels: Readonly<Record<string, string>>;
  readonly Manifests: Readonly<Record<string, string>>;
  readonly ClusterType: string;
  /**
   * The composed config (`ConfigValue`s, with their Go types). Plain data works too: a plain object is a map with
   * string keys (`map[interface {}]interface {}`), an integral number an `int`.
   */
  readonly ConfigData: Readonly<Record<string, unknown>>;
}

export interface RenderOptions {
  /** The Template object's name, used in error messages. */
  readonly name?: string;
  /**
   * How many times output that still contains `{{` is rendered again (Kalypso re-renders without limit).
   * @default 10
   */
  readonly maxDepth?: number;
  /**
   * Largest output of one pass, and largest string a function may build, in bytes.
   * @default 10 MiB
   */
  readonly maxOutputBytes?: number;
  /**
   * Work budget of one pass: every node walked, function called and range iteration counts one.
   * @default 1_000_000
   */
  readonly maxSteps?: number;
  /**
   * Nesting of `{{template}}` calls (Go allows 100000).
   * @default 1000
   */
  readonly maxTemplateDepth?: number;
}

const DEFAULTS = {
  maxDepth: 10,
  maxOutputBytes: 10 * 1024 * 1024,
  maxSteps: 1_000_000,
  maxTemplateDepth: 1000,
};

/** Go's name for the template Kalypso parses (`template.New("template")`). */
const TEMPLATE_NAME = 'template';

/** sprig's `TxtFuncMap()` then Kalypso's functions (which win on a clash); Go's builtins come last. */
const FUNCTIONS: FunctionTable = { ...SPRIG_FUNCTIONS, ...KALYPSO_FUNCTIONS };

function isFunction(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name) || Object.prototype.hasOwnProperty.call(BUILTINS, name);
}

/**
 * Renders one string of `Template.spec.manifests` like Kalypso's `replaceTemplateVariables`: Go
 * `text/template` with sprig v2.22.0 and Kalypso's functions, then, while the output contains `{{`, the output
 * is rendered again (docs/explanation/scheduling-and-config.md#rendering-a-template).
 *
 * Throws `TemplateError` for parse and execution errors (with Go's message) and for exceeded limits.
 */
export function renderManifest(text: string, data: TemplateData, options: RenderOptions = {}): string {
  return renderText(text, toGoData(data), options, undefined);
}

/**
 * Renders every string of `Template.spec.manifests` in order and drops the results that are exactly `""`
 * (whitespace-only results are kept), as Kalypso's `ProcessTemplate` does. The data is shared by all
 * manifests, like upstream (a `set` on `.ConfigData` in one manifest is visible in the next).
 */
export function renderManifests(
  manifests: readonly string[],
  data: TemplateData,
  options: RenderOptions = {},
): string[] {
  const goData = toGoData(data);
  const out: string[] = [];
  manifests.forEach((text, index) => {
    const rendered = renderText(text, goData, options, index);
    if (rendered !== '') {
      out.push(rendered);
    }
  });
  return out;
}

function renderText(text: string, data: GoStruct, options: RenderOptions, manifestIndex: number | undefined): string {
  const maxDepth = options.maxDepth ?? DEFAULTS.maxDepth;
  const limits: ExecuteLimits = {
    maxSteps: options.maxSteps ?? DEFAULTS.maxSteps,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULTS.maxOutputBytes,
    maxTemplateDepth: options.maxTemplateDepth ?? DEFAULTS.maxTemplateDepth,
  };
  let current = text;
  for (let pass = 1; ; pass++) {
    const context = { templateName: options.name, manifestIndex, pass };
    const parsed = parseCached(current);
    if (parsed instanceof ParseError) {
      throw new TemplateError({ ...context, kind: 'parse', goMessage: parsed.goMessage, line: parsed.line });
    }
    current = execute(parsed, data, limits, context);
    if (!current.includes('{{')) {
      return current;
    }
    if (pass > maxDepth) {
      throw new TemplateError({
        ...context,
        kind: 'limit',
        goMessage: `nested rendering exceeded the maximum depth of ${maxDepth}: the output still contains "{{" after ${pass} passes`,
      });
    }
  }
}

function execute(
  parsed: ParsedTemplates,
  data: GoStruct,
  limits: ExecuteLimits,
  context: { templateName: string | undefined; manifestIndex: number | undefined; pass: number },
): string {
  try {
    return executeTemplate(parsed, TEMPLATE_NAME, data, FUNCTIONS, limits);
  } catch (e) {
    if (e instanceof ExecError) {
      throw new TemplateError({ ...context, kind: 'execute', goMessage: e.goMessage, line: e.line, column: e.column });
    }
    if (e instanceof LimitError) {
      throw new TemplateError({ ...context, kind: 'limit', goMessage: e.message });
    }
    if (e instanceof RangeError) {
      throw new TemplateError({
        ...context,
        kind: 'limit',
        goMessage: `template execution nested too deeply or grew too large (${e.message})`,
      });
    }
    throw e;
  }
}

const CACHE_LIMIT = 1000;
const parseCache = new Map<string, ParsedTemplates | ParseError>();

/** Parses once per distinct text (templates are rendered for many assignments); keeps the latest 1000. */
function parseCached(text: string): ParsedTemplates | ParseError {
  const hit = parseCache.get(text);
  if (hit !== undefined) {
    return hit;
  }
  let result: ParsedTemplates | ParseError;
  try {
    result = parseTemplates(TEMPLATE_NAME, text, isFunction);
  } catch (e) {
    if (e instanceof ParseError) {
      result = e;
    } else if (e instanceof RangeError) {
      result = new ParseError(`template: ${TEMPLATE_NAME}: template nested too deeply to parse (${e.message})`, 1);
    } else {
      throw e;
    }
  }
  if (parseCache.size >= CACHE_LIMIT) {
    const oldest = parseCache.keys().next().value;
    if (oldest !== undefined) {
      parseCache.delete(oldest);
    }
  }
  parseCache.set(text, result);
  return result;
}

/** Kalypso's `dataType` as a Go struct value; the maps are copied so that templates cannot change the caller's. */
function toGoData(data: TemplateData): GoStruct {
  return new GoStruct(
    'scheduler.dataType',
    new Map<string, unknown>([
      ['DeploymentTargetName', data.DeploymentTargetName],
      ['Namespace', data.Namespace],
      ['Environment', data.Environment],
      ['Workspace', data.Workspace],
      ['Workload', data.Workload],
      ['Labels', copyMap(data.Labels, MAP_STRING_STRING)],
      ['Manifests', copyMap(data.Manifests, MAP_STRING_STRING)],
      ['ClusterType', data.ClusterType],
      ['ConfigData', copyMap(data.ConfigData, MAP_STRING_ANY)],
    ]),
  );
}

function copyMap(map: Readonly<Record<string, unknown>>, goType: string): Record<string, unknown> {
  const copy = typed(Object.create(null) as Record<string, unknown>, goType);
  for (const key of Object.keys(map)) {
    copy[key] = map[key];
  }
  return copy;
}
