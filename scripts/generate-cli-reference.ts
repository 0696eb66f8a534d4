// Writes docs/reference/cli.md from the command declarations (`npm run docs:cli`); a test checks it is up to date.
import * as fs from 'fs';
import * as path from 'path';
import { CLI_REFERENCE_FILE, cliReference } from '../src/cli/help/cli-reference';

fs.writeFileSync(path.join(__dirname, '..', CLI_REFERENCE_FILE), cliReference());
