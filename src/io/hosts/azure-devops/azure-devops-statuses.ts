import { FLUX_AZURE_DEVOPS_GENRE } from '../flux-statuses';

/** The `context.genre` of the statuses this adapter sets; their `context.name` is the caller's context. */
export const AZURE_DEVOPS_STATUS_GENRE = 'kalypso-cdk8s';

/**
 * The context an Azure DevOps status is read back as: its name for this adapter's genre, for Flux's (`fluxcd` or
 * `fluxcd:<summary>`, whose name is the Flux commit status id) and for none; `<genre>/<name>` for any other, so that
 * another tool's status of the same name stays apart.
 */
export function statusContext(genre: string | undefined, name: string | undefined): string {
  const kind = genre ?? '';
  const own =
    kind === '' ||
    kind === AZURE_DEVOPS_STATUS_GENRE ||
    kind === FLUX_AZURE_DEVOPS_GENRE ||
    kind.startsWith(`${FLUX_AZURE_DEVOPS_GENRE}:`);
  return own ? (name ?? '') : `${kind}/${name ?? ''}`;
}
