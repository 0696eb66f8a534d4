import { defineCommand } from '../command';
import { ExitCode } from '../exit';
import { declareFlags } from '../flags/flag-declaration';
import { CONTROL_PLANE_FLAGS, RENDER_FLAGS } from '../flags/shared-flags';

export const VALIDATE_FLAGS = declareFlags({ ...CONTROL_PLANE_FLAGS, ...RENDER_FLAGS });

export const VALIDATE = defineCommand({
  name: 'validate',
  summary: 'check the control plane and report every problem, writing nothing',
  description: [
    'Does everything synth does except writing: reads, checks, schedules and renders, then reports every problem at once.',
  ],
  flags: VALIDATE_FLAGS,
  exitCodes: [ExitCode.SUCCESS, ExitCode.INPUT_PROBLEMS, ExitCode.USAGE_OR_ENVIRONMENT],
  examples: [
    'kalypso validate --control-plane examples/tutorial',
    'kalypso validate -c ./control-plane --json',
    'kalypso validate -c ./control-plane --strict',
  ],
  // Required on use, so that help and --version start without loading cdk8s.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  load: async () => (require('../actions/validate') as typeof import('../actions/validate')).runValidate,
});
