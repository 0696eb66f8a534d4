import { defineCommand } from '../command';
import { ExitCode } from '../exit';
import { declareFlags } from '../flags/flag-declaration';
import { CONTROL_PLANE_FLAGS, GITHUB_TOKEN_VARIABLE } from '../flags/shared-flags';

export const DIFF_FLAGS = declareFlags({
  ...CONTROL_PLANE_FLAGS,
  against: {
    type: 'string',
    value: 'TREE',
    multiple: true,
    description: 'the tree to compare with: DIR, ENV=DIR or ENV=REPO#BRANCH (see below)',
  },
  'against-gitops': {
    type: 'boolean',
    description: "compare with each environment's GitOpsRepo branch (ENV=… trees take precedence)",
  },
  summary: {
    type: 'boolean',
    description:
      'print the change report instead of every difference: what changed in the control plane, and the changes it causes grouped by cause, as kalypso publish writes it in the request',
  },
  format: {
    type: 'string',
    short: 'f',
    value: 'FORMAT',
    description: 'with --summary: text (default), markdown (the request body, unfolded) or json (same as --json)',
  },
});

export const DIFF = defineCommand({
  name: 'diff',
  summary: 'compare the plan with an existing platform GitOps tree, object by object and field by field',
  usage: [
    '--against DIR [options]',
    '--against ENV=DIR|ENV=REPO#BRANCH [--against …]… [options]',
    '--against-gitops [options]',
    '--summary [--format text|markdown|json] --against … [options]',
  ],
  description: [
    'Compares what synth would write with an existing platform GitOps tree: files added, removed and changed, and ' +
      'for changed YAML every object and field that differs (old → new). Only the managed part of the tree is ' +
      'compared (cluster-type folders and .github/tracking/); other files are ignored. Nothing is written.',
  ],
  flags: DIFF_FLAGS,
  sections: [
    {
      title: 'Trees',
      columns: ['Form', 'What the environment is compared with'],
      entries: [
        ['--against DIR', 'environment E is compared with DIR/E/ (the layout kalypso synth --out DIR writes)'],
        [
          '--against ENV=DIR',
          "environment ENV is compared with DIR itself (a checkout of ENV's platform GitOps branch)",
        ],
        [
          '--against ENV=REPO#BRANCH',
          'environment ENV is compared with BRANCH of a git repository (a URL or a local repository), read from git ' +
            'objects at the repository root; nothing is checked out',
        ],
        [
          '--against-gitops',
          'each environment is compared with the branch of its GitOpsRepo: what kalypso publish would change there',
        ],
      ],
      paragraphs: ['With only ENV=… trees, only the environments named are compared, unless --env says otherwise.'],
    },
    {
      title: 'The change report',
      paragraphs: [
        '--summary compares with what the tree records it was published from (.github/kalypso/control-plane.json, ' +
          'which kalypso publish commits): the objects of the control plane that changed, and for each group of ' +
          'identical changes its cause, the assignments it touches described as briefly as is exact, a Mermaid ' +
          'picture and the changed cells of the assignment matrix. A tree without that record is compared alone, ' +
          'and the report says that causes are not known. How it is built: docs/explanation/reviewing-changes.md.',
      ],
    },
    {
      title: 'Environment',
      columns: ['Variable', 'What it is for'],
      entries: [
        [GITHUB_TOKEN_VARIABLE, 'token for git over https to github.com (private GitOps repositories); never printed'],
      ],
    },
  ],
  exitCodes: [ExitCode.SUCCESS, ExitCode.INPUT_PROBLEMS, ExitCode.USAGE_OR_ENVIRONMENT, ExitCode.DIFFERENT],
  exitCodeMeanings: {
    [ExitCode.SUCCESS]: 'no differences',
    [ExitCode.DIFFERENT]: 'differences (for CI gates)',
  },
  examples: [
    'kalypso synth -c examples/tutorial --out dist && kalypso diff -c examples/tutorial --against dist',
    'kalypso diff -c ./control-plane --env dev --against dev=../platform-gitops',
    'kalypso diff -c ./control-plane --against dist --json',
    'kalypso diff -c ./control-plane --env dev --against-gitops --summary --format markdown',
    'kalypso diff -c ./control-plane --env dev --against dev=https://github.com/org/platform-gitops#dev',
    'GITHUB_TOKEN=… kalypso diff -c https://github.com/org/control-plane --against-gitops',
  ],
  // Required on use, so that help and --version start without loading cdk8s.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  load: async () => (require('../actions/diff') as typeof import('../actions/diff')).runDiff,
});
