import { ALLOWED_PROTOCOLS } from './git-refs';

/** Environment variables of git child processes. */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface GitEnvironmentProps {
  /**
   * A token sent as HTTP Basic authentication (`x-access-token:<token>`, as GitHub expects) to the URL prefixes in
   * `tokenUrls`, and nowhere else.
   * @default - no token: git's own credential helpers, if any
   */
  readonly token?: string;
  /**
   * URL prefixes (`https://github.com/`) that receive the token. Git matches them against each request's URL
   * (`http.<url>.extraHeader`), so a repository on another host never sees it.
   * @default []
   */
  readonly tokenUrls?: readonly string[];
  /**
   * Author and committer of the commits git writes, unless `GIT_AUTHOR_NAME`… are already set.
   * @default - Kalypso Scheduler <kalypso.scheduler@email.com>, as upstream Kalypso
   */
  readonly identity?: { readonly name: string; readonly email: string };
}

export const DEFAULT_IDENTITY = { name: 'Kalypso Scheduler', email: 'kalypso.scheduler@email.com' };

/** Variables that point git at another repository, index or object store; a run inside a git hook sets them. */
const REPOSITORY_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
  'GIT_QUARANTINE_PATH',
];

/**
 * The environment of every git child process, from the caller's (PATH, HOME, SSH agent, credential helpers): no
 * prompts (`GIT_TERMINAL_PROMPT=0`, no askpass programs), only the protocols file, https, ssh and http, pathspecs
 * taken literally, no variables redirecting git to another repository, and the token — when there is one — as
 * command-scoped config in `GIT_CONFIG_*` variables, never in a URL, an argument or a file.
 */
export function gitEnvironment(base: Environment, props: GitEnvironmentProps = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !REPOSITORY_VARIABLES.includes(name)) env[name] = value;
  }
  delete env.GIT_ASKPASS;
  delete env.SSH_ASKPASS;
  env.GIT_TERMINAL_PROMPT = '0';
  env.GCM_INTERACTIVE = 'never';
  env.GIT_ALLOW_PROTOCOL = ALLOWED_PROTOCOLS.join(':');
  env.GIT_LITERAL_PATHSPECS = '1';
  const identity = props.identity ?? DEFAULT_IDENTITY;
  env.GIT_AUTHOR_NAME = env.GIT_AUTHOR_NAME ?? identity.name;
  env.GIT_AUTHOR_EMAIL = env.GIT_AUTHOR_EMAIL ?? identity.email;
  env.GIT_COMMITTER_NAME = env.GIT_COMMITTER_NAME ?? identity.name;
  env.GIT_COMMITTER_EMAIL = env.GIT_COMMITTER_EMAIL ?? identity.email;

  const config: [string, string][] = [];
  if (props.token) {
    const basic = Buffer.from(`x-access-token:${props.token}`).toString('base64');
    for (const url of props.tokenUrls ?? []) config.push([`http.${url}.extraHeader`, `Authorization: Basic ${basic}`]);
  }
  const existing = Number.parseInt(env.GIT_CONFIG_COUNT ?? '0', 10);
  let count = Number.isInteger(existing) && existing > 0 ? existing : 0;
  for (const [key, value] of config) {
    env[`GIT_CONFIG_KEY_${count}`] = key;
    env[`GIT_CONFIG_VALUE_${count}`] = value;
    count++;
  }
  if (count > 0) env.GIT_CONFIG_COUNT = String(count);
  return env;
}

/** The URL prefix that receives the token for a web host: `https://github.com/`. */
export function tokenUrlFor(webUrl: string): string {
  const url = new URL(webUrl);
  return `${url.protocol}//${url.host}/`;
}
