import { Command } from '../command';
import { declareFlags } from '../flags/flag-declaration';
import { CONTROL_PLANE_FLAGS } from '../flags/shared-flags';
import { ProgramHelp } from '../help/help-text';
import { CHECK } from './check';
import { DIFF } from './diff';
import { EXPLAIN } from './explain';
import { INIT } from './init';
import { PROMOTE } from './promote';
import { PUBLISH } from './publish';
import { ROLLOUT } from './rollout';
import { SYNTH } from './synth';
import { VALIDATE } from './validate';

/** Every command, in the order help lists them. Declarations only: what a command does is loaded when it runs. */
export const COMMANDS: readonly Command[] = [SYNTH, VALIDATE, EXPLAIN, DIFF, INIT, PUBLISH, PROMOTE, CHECK, ROLLOUT];

/** The flags of `kalypso` itself. */
export const PROGRAM_FLAGS = declareFlags({
  help: {
    type: 'boolean',
    short: 'h',
    description: "this help; kalypso COMMAND --help (or kalypso help COMMAND) shows a command's",
  },
  version: { type: 'boolean', short: 'v', description: 'print the version' },
});

/** What `kalypso --help` and the CLI reference say about the program as a whole. */
export const PROGRAM: ProgramHelp = {
  usage: 'kalypso <command> [options]',
  description:
    'Schedules the workloads of a Kalypso control plane onto cluster types and writes the platform GitOps repository.',
  commands: COMMANDS,
  sharedFlags: { title: 'Options of every command that reads a control plane', flags: CONTROL_PLANE_FLAGS },
  programFlags: PROGRAM_FLAGS,
  examples: [
    'kalypso init my-control-plane',
    'kalypso synth -c examples/tutorial --out dist',
    'kalypso explain -c examples/tutorial --env dev --target hello-world-app-functional-test',
    'kalypso diff -c examples/tutorial --against dist',
  ],
  notes: ['Problems are coloured on a terminal; NO_COLOR turns colour off, FORCE_COLOR on.'],
};
