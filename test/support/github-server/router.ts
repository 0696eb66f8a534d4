/**
 * Matches request paths against the fixture's path templates. Parameters marked `multiSegment` (`ref`, `path`,
 * `basehead`, …) may span `/`; when several templates match, the one with more literal text wins
 * (`commits/{ref}/status` before `commits/{ref}`). A trailing `{path}` may be absent (`/contents` is the root).
 */
import { FixtureOperation } from './fixture';

export interface RouteMatch {
  readonly operation: FixtureOperation;
  /** Decoded path parameters. */
  readonly params: Readonly<Record<string, string>>;
}

interface CompiledRoute {
  readonly operation: FixtureOperation;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly literalLength: number;
}

export class Router {
  private readonly routes: readonly CompiledRoute[];

  /** `ignoreCase`: literal path text matches whatever its letter case (Azure DevOps routes so). */
  constructor(operations: readonly FixtureOperation[], ignoreCase = false) {
    this.routes = operations
      .map((operation) => {
        const names: string[] = [];
        const source = operation.path
          .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
          .replace(/(\/?)\{(\w+)\}/g, (whole, slash: string, name: string) => {
            names.push(name);
            const multi = operation.parameters.some((p) => p.in === 'path' && p.name === name && p.multiSegment);
            if (name === 'path' && multi && operation.path.endsWith(whole)) {
              // Octokit drops the trailing slash of an empty `path`: `/contents` lists the repository root.
              return '(?:/(.*))?';
            }
            return `${slash}${multi ? '(.*)' : '([^/]+)'}`;
          });
        return {
          operation,
          pattern: new RegExp(`^${source}$`, ignoreCase ? 'i' : ''),
          names,
          literalLength: operation.path.replace(/\{\w+\}/g, '').length,
        };
      })
      .sort((a, b) => b.literalLength - a.literalLength);
  }

  public match(method: string, pathname: string): RouteMatch | undefined {
    for (const route of this.routes) {
      if (route.operation.method !== method) {
        continue;
      }
      const m = route.pattern.exec(pathname);
      if (m) {
        const params: Record<string, string> = {};
        route.names.forEach((name, i) => {
          params[name] = safeDecode(m[i + 1] ?? '');
        });
        return { operation: route.operation, params };
      }
    }
    return undefined;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
