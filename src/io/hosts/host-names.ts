import { HostKind } from './pull-request-host';

/** Each host's name, as its users write it. */
export const HOST_NAMES: Readonly<Record<HostKind, string>> = {
  [HostKind.GITHUB]: 'GitHub',
  [HostKind.GITLAB]: 'GitLab',
  [HostKind.AZURE_DEVOPS]: 'Azure DevOps',
  [HostKind.GITEA]: 'Gitea',
  [HostKind.BITBUCKET]: 'Bitbucket',
};

/** What a host calls a request to merge a branch: `merge request` on GitLab, `pull request` elsewhere. */
export function requestNoun(kind: HostKind): string {
  return kind === HostKind.GITLAB ? 'merge request' : 'pull request';
}

/** A request as its host writes it: `merge request !3` on GitLab, `pull request #3` elsewhere. */
export function requestName(kind: HostKind, number: number): string {
  return kind === HostKind.GITLAB ? `merge request !${number}` : `pull request #${number}`;
}
