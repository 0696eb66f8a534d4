import { fn, FunctionTable, GoCallError } from '../functions';
import { newStringMap, reflectKindName } from '../values';

/**
 * sprig v2.22.0 `url.go`: `urlParse` and `urlJoin` over Go's `net/url` rules for the common shapes
 * (`scheme://userinfo@host:port/path?query#fragment`, opaque `scheme:rest`, relative paths).
 *
 * Deviation: percent-decoding and -encoding follow `net/url` for paths, queries and fragments, but the rarer
 * validation errors of `url.Parse` (invalid ports, IPv6 zones) are not reproduced.
 */
export const URL_FUNCTIONS: FunctionTable = {
  urlParse: fn(['string'], ([s]) => urlParse(s as string)),
  urlJoin: fn(['map'], ([d]) => urlJoin((d ?? {}) as Record<string, unknown>)),
};

interface ParsedUrl {
  scheme: string;
  opaque: string;
  user: string | undefined;
  host: string;
  path: string;
  rawQuery: string;
  fragment: string;
}

function parseUrl(raw: string): ParsedUrl {
  if (/[\x00-\x1f\x7f]/.test(raw)) {
    throw new GoCallError(
      `unable to parse url: parse ${JSON.stringify(raw)}: net/url: invalid control character in URL`,
    );
  }
  const u: ParsedUrl = { scheme: '', opaque: '', user: undefined, host: '', path: '', rawQuery: '', fragment: '' };
  let rest = raw;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    u.fragment = unescape(rest.slice(hash + 1));
    rest = rest.slice(0, hash);
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest);
  if (rest.startsWith(':')) {
    throw new GoCallError(`unable to parse url: parse ${JSON.stringify(raw)}: missing protocol scheme`);
  }
  if (scheme) {
    u.scheme = scheme[1].toLowerCase();
    rest = rest.slice(scheme[0].length);
  }
  const q = rest.indexOf('?');
  if (q >= 0) {
    u.rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith('/')) {
    if (u.scheme !== '') {
      u.opaque = rest;
      return u;
    }
    const slash = rest.indexOf('/');
    if ((slash < 0 ? rest : rest.slice(0, slash)).includes(':')) {
      throw new GoCallError(
        `unable to parse url: parse ${JSON.stringify(raw)}: first path segment in URL cannot contain colon`,
      );
    }
  }
  if ((u.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      u.user = authority.slice(0, at);
    }
    u.host = unescape(at >= 0 ? authority.slice(at + 1) : authority);
  }
  u.path = unescape(rest);
  return u;
}

function unescape(s: string): string {
  try {
    return decodeURIComponent(s.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  } catch {
    return s;
  }
}

function urlParse(s: string): Record<string, unknown> {
  const u = parseUrl(s);
  const d = newStringMap();
  d.scheme = u.scheme;
  d.host = u.host;
  d.hostname = hostname(u.host);
  d.path = u.path;
  d.query = u.rawQuery;
  d.opaque = u.opaque;
  d.fragment = u.fragment;
  d.userinfo = u.user ?? '';
  return d;
}

function hostname(host: string): string {
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    return close < 0 ? host.slice(1) : host.slice(1, close);
  }
  const colon = host.lastIndexOf(':');
  return colon >= 0 ? host.slice(0, colon) : host;
}

function stringKey(d: Record<string, unknown>, key: string): string {
  if (!Object.prototype.hasOwnProperty.call(d, key)) {
    return '';
  }
  const v = d[key];
  if (typeof v !== 'string') {
    throw new GoCallError(`unable to parse ${key} key, must be of type string, but ${reflectKindName(v)} found`);
  }
  return v;
}

function escapePath(path: string): string {
  return path.replace(/[^A-Za-z0-9\-_.~$&+,/:;=@]/gu, (ch) => percentEncode(ch));
}

function escapeFragment(fragment: string): string {
  return fragment.replace(/[^A-Za-z0-9\-_.~$&+,/:;=@!()*?]/gu, (ch) => percentEncode(ch));
}

function percentEncode(ch: string): string {
  return Array.from(Buffer.from(ch, 'utf8'), (b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
}

function urlJoin(d: Record<string, unknown>): string {
  const scheme = stringKey(d, 'scheme');
  const host = stringKey(d, 'host');
  const path = stringKey(d, 'path');
  const query = stringKey(d, 'query');
  const opaque = stringKey(d, 'opaque');
  const fragment = stringKey(d, 'fragment');
  const userinfo = stringKey(d, 'userinfo');
  let out = '';
  if (scheme !== '') {
    out += scheme + ':';
  }
  if (opaque !== '') {
    out += opaque;
  } else {
    if (scheme !== '' || host !== '' || userinfo !== '') {
      if (host !== '' || path !== '' || userinfo !== '') {
        out += '//';
      }
      if (userinfo !== '') {
        out += userinfo + '@';
      }
      out += host;
    }
    if (path !== '' && path[0] !== '/' && host !== '') {
      out += '/';
    }
    if (out === '' && /^[^/]*:/.test(path)) {
      out += './';
    }
    out += escapePath(path);
  }
  if (query !== '') {
    out += '?' + query;
  }
  if (fragment !== '') {
    out += '#' + escapeFragment(fragment);
  }
  return out;
}
