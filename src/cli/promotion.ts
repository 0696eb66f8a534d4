import { PromotionContext } from '../app/promotion/promotion-context';
import { hostServices } from '../app/setup/host-services';
import { CommandContext } from './command';
import { FlagValues } from './flags/flag-declaration';
import { PROMOTION_FLAGS } from './flags/shared-flags';
import { locationOptions } from './options';

/** Opens the control plane of `promote` or `check` from their shared flags; notices go to stderr unless `--quiet`. */
export async function openPromotion(
  command: string,
  flags: FlagValues<typeof PROMOTION_FLAGS>,
  { io, services }: CommandContext,
): Promise<PromotionContext> {
  const { controlPlane, cache } = locationOptions(flags, io.cwd);
  const { git, hosts } = hostServices(flags, io.env, {
    cache,
    createGitHubClient: services.createGitHubClient,
    createPullRequestHost: services.createPullRequestHost,
  });
  const notify = (text: string) => {
    if (!flags.quiet) io.stderr(`kalypso ${command}: ${text}\n`);
  };
  return PromotionContext.open({ controlPlane, push: flags.push, noStatus: flags.noStatus }, git, hosts, notify);
}
