import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS } from '../../src/cli/commands/all-commands';
import { CLI_REFERENCE_FILE, cliReference } from '../../src/cli/help/cli-reference';
import { flagTerm } from '../../src/cli/help/help-text';
import { ROOT, runCli } from '../support/cli';

describe('the CLI reference', () => {
  test(`${CLI_REFERENCE_FILE} is what npm run docs:cli writes from the command declarations`, () => {
    expect(fs.readFileSync(path.join(ROOT, CLI_REFERENCE_FILE), 'utf8')).toBe(cliReference());
  });

  test.each(COMMANDS.map((command) => [command.name, command] as const))(
    'says what kalypso %s --help says: every flag, example and exit code',
    async (name, command) => {
      const { code, stdout: help } = await runCli([name, '--help']);
      expect(code).toBe(0);
      const reference = cliReference();
      const section = reference.slice(reference.indexOf(`\n## kalypso ${name}\n`)).split(/\n## kalypso /)[1];
      for (const [flag, declaration] of Object.entries(command.flags)) {
        const term = flagTerm(flag, declaration).trim();
        expect(help).toContain(`  ${term}`);
        expect(section).toContain(`| \`${term}\` |`);
      }
      for (const example of command.examples) {
        expect(help).toContain(`  ${example.split('\n')[0]}`);
        expect(section).toContain(example);
      }
      for (const code of command.exitCodes) {
        expect(help).toMatch(new RegExp(`Exit codes: (.|\\n)*\\b${code} `));
        expect(section).toContain(`| \`${code}\` |`);
      }
    },
  );
});
