import { fn, FunctionTable } from '../functions';

/** sprig v2.22.0 path functions: Go's slash-separated `path` package. */
export const PATH_FUNCTIONS: FunctionTable = {
  base: fn(['string'], ([p]) => base(p as string)),
  dir: fn(['string'], ([p]) => dir(p as string)),
  clean: fn(['string'], ([p]) => clean(p as string)),
  ext: fn(['string'], ([p]) => ext(p as string)),
  isAbs: fn(['string'], ([p]) => (p as string).startsWith('/')),
};

/** Go's `path.Clean`: the shortest equivalent path by purely lexical processing. */
export function clean(path: string): string {
  if (path === '') {
    return '.';
  }
  const rooted = path.startsWith('/');
  const out: string[] = [];
  let dotdot = 0;
  for (const part of path.split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      if (out.length > dotdot) {
        out.pop();
      } else if (!rooted) {
        out.push('..');
        dotdot = out.length;
      }
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) {
    return '/' + joined;
  }
  return joined === '' ? '.' : joined;
}

/** Go's `path.Base`. */
function base(path: string): string {
  if (path === '') {
    return '.';
  }
  path = path.replace(/\/+$/, '');
  const i = path.lastIndexOf('/');
  if (i >= 0) {
    path = path.slice(i + 1);
  }
  return path === '' ? '/' : path;
}

/** Go's `path.Dir`. */
function dir(path: string): string {
  const i = path.lastIndexOf('/');
  return clean(path.slice(0, i + 1));
}

/** Go's `path.Ext`. */
function ext(path: string): string {
  for (let i = path.length - 1; i >= 0 && path[i] !== '/'; i--) {
    if (path[i] === '.') {
      return path.slice(i);
    }
  }
  return '';
}
