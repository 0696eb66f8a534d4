import { EnvironmentModel } from '../../core/model/types';
import { HostKind } from '../../io/hosts/pull-request-host';
import { FULL_REPORT_PATH } from '../review';
import { PublishOptions } from './publish';
import { REQUEST_BODY_LIMITS } from './pull-request-text';

/** Where an environment's change goes, as far as its change report cares. */
export interface ReviewDestination {
  readonly mode: 'pull-request' | 'push';
  readonly host?: HostKind;
  readonly repo: string;
  /** The branch written. */
  readonly head: string;
}

/**
 * How the change report of one environment is built and fitted: the objects to compare and record, the host's
 * description limit (a push has no description: its commit message is bounded on its own), and the web address of
 * the full report on the branch written, when the repository's URL tells it.
 */
export function reviewOptions(
  destination: ReviewDestination,
  model: EnvironmentModel | undefined,
): Pick<PublishOptions, 'model' | 'maxBodyLength' | 'fullReportUrl'> {
  const host = destination.mode === 'pull-request' ? destination.host : undefined;
  const url = host ? fileWebUrl(host, destination.repo, destination.head, FULL_REPORT_PATH) : undefined;
  return {
    ...(model ? { model } : {}),
    ...(host ? { maxBodyLength: REQUEST_BODY_LIMITS[host] } : {}),
    ...(url ? { fullReportUrl: url } : {}),
  };
}

/**
 * The web page of a file on a branch, for repositories named by an https URL (without credentials); undefined for
 * other URLs (ssh, a path), whose web address cannot be told.
 */
export function fileWebUrl(host: HostKind, repo: string, branch: string, path: string): string | undefined {
  let url: URL;
  try {
    url = new URL(repo);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return undefined;
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\.git$/, '')}`;
  const ref = branch.split('/').map(encodeURIComponent).join('/');
  const file = path.split('/').map(encodeURIComponent).join('/');
  switch (host) {
    case HostKind.GITHUB:
      return `${base}/blob/${ref}/${file}`;
    case HostKind.GITLAB:
      return `${base}/-/blob/${ref}/${file}`;
    case HostKind.GITEA:
      return `${base}/src/branch/${ref}/${file}`;
    case HostKind.BITBUCKET:
      return `${base}/src/${ref}/${file}`;
    case HostKind.AZURE_DEVOPS:
      return `${base}?path=${encodeURIComponent(`/${path}`)}&version=GB${encodeURIComponent(branch)}`;
  }
}
