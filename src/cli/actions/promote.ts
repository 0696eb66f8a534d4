import { promoteEnvironment, promoteJson } from '../../app/promotion/promote-environment';
import { fullCommitId } from '../../app/promotion/promotion-context';
import { CommandAction } from '../command';
import type { PROMOTE_FLAGS } from '../commands/promote';
import { ExitCode } from '../exit';
import { openPromotion } from '../promotion';
import { describePromotion } from '../promotion-text';
import { printJson, reportInputProblems } from '../report';

export const runPromote: CommandAction<typeof PROMOTE_FLAGS> = async ({ flags }, context) => {
  const commit = fullCommitId(flags.commit, '--commit');
  const promotion = await openPromotion('promote', flags, context);
  const result = await promoteEnvironment(promotion, { commit, environment: flags.env });
  const { io } = context;
  if (!result.promotion)
    return reportInputProblems(io, result.problems, {
      json: flags.json ? promoteJson(result) : undefined,
      nothing: 'promoted',
    });
  if (flags.json) printJson(io, promoteJson(result));
  else io.stdout(describePromotion(result.promotion, result.writer));
  return ExitCode.SUCCESS;
};
