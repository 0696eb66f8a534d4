import * as path from 'path';
import { UsageError } from '../../app/errors';
import { initControlPlane } from '../../app/init/init-control-plane';
import { initTypeScriptApp } from '../../app/init/init-typescript-app';
import { CommandAction } from '../command';
import type { INIT_FLAGS } from '../commands/init';
import { ExitCode } from '../exit';
import { printJson } from '../report';

export const runInit: CommandAction<typeof INIT_FLAGS> = async ({ flags, positionals }, { io }) => {
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? 'name the folder to create: kalypso init DIR'
        : `one folder only, got ${positionals.length}`,
    );
  const dir = positionals[0];
  const root = path.resolve(io.cwd, dir);
  if (flags.package !== undefined && !flags.typescript) throw new UsageError('--package goes with --typescript');
  if (flags.typescript) {
    const files = await initTypeScriptApp(root, { kalypsoCdk8s: flags.package });
    if (flags.json) printJson(io, { created: root, files });
    else {
      io.stdout(
        `Created a cdk8s TypeScript app in ${dir} (${files.length} files). Next:\n` +
          `  cd ${dir} && npm install     # kalypso-cdk8s as package.json names it (see --package)\n` +
          `  npm test                      # type check and the snapshot test of the platform GitOps tree\n` +
          `  npm run synth                 # cdk8s synth: writes dist/<environment>/\n` +
          `Then edit platform.ts, and read README.md.\n`,
      );
    }
    return ExitCode.SUCCESS;
  }
  const files = await initControlPlane(root);
  if (flags.json) {
    printJson(io, { created: root, files });
  } else {
    io.stdout(
      `Created a starter control plane in ${dir} (${files.length} files). Next:\n` +
        `  kalypso explain -c ${dir}                                   # which target runs on which cluster type\n` +
        `  kalypso explain -c ${dir} --env dev --target hello-app-test # why, and where its config comes from\n` +
        `  kalypso synth -c ${dir} -o platform-gitops                  # write the platform GitOps tree\n` +
        `Then read ${path.join(dir, 'README.md')}.\n`,
    );
  }
  return ExitCode.SUCCESS;
};
