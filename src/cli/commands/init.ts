import { promises as fs } from 'fs';
import * as path from 'path';
import { ExitCode, UsageError } from '../exit';
import { CliIO } from '../io';
import { parseFlags } from '../options';
import { printJson } from '../report';
import { STARTER_CONTROL_PLANE } from '../starter-control-plane';

export const INIT_HELP = `Usage: kalypso init DIR [options]

Writes a starter control plane into DIR (new or empty): a folder of branches (main/, dev/, prod/) with an environment
per branch, cluster types, platform ConfigMaps, scheduling policies and a registered workload, every file commented.
It synthesizes as it is, with no network. Nothing is ever overwritten.

Options:
      --json                 print what was written as JSON
  -h, --help                 show this help

Examples:
  kalypso init control-plane && kalypso explain -c control-plane
  kalypso init control-plane && kalypso synth -c control-plane --out platform-gitops
`;

const FLAGS = {
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runInit(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { values, positionals } = parseFlags(argv, FLAGS, true);
  if (values.help) {
    io.stdout(INIT_HELP);
    return ExitCode.SUCCESS;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? 'name the folder to create: kalypso init DIR'
        : `one folder only, got ${positionals.length}`,
    );
  const root = path.resolve(io.cwd, positionals[0]);
  await checkEmpty(root);
  const files = Object.keys(STARTER_CONTROL_PLANE).sort();
  for (const file of files) {
    const target = path.join(root, file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, STARTER_CONTROL_PLANE[file], { flag: 'wx' });
  }
  if (values.json) {
    printJson(io, { created: root, files });
  } else {
    const dir = positionals[0];
    io.stdout(
      `Created a starter control plane in ${dir} (${files.length} files). Next:\n` +
        `  kalypso explain -c ${dir}                                   # which target runs on which cluster type\n` +
        `  kalypso explain -c ${dir} --env dev --target hello-app-test # why, and where its config comes from\n` +
        `  kalypso synth -c ${dir} --out platform-gitops              # write the platform GitOps tree\n` +
        `Then read ${path.join(dir, 'README.md')}.\n`,
    );
  }
  return ExitCode.SUCCESS;
}

/** Refuses a folder that holds anything, or a path that is not a folder. */
async function checkEmpty(root: string): Promise<void> {
  let entries: string[];
  try {
    entries = await fs.readdir(root);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new UsageError(`${root} exists and is not a folder`);
    throw e;
  }
  if (entries.length > 0)
    throw new UsageError(`${root} is not empty; init writes only into a new or empty folder and never overwrites`);
}
