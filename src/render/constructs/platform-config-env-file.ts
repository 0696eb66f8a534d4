import { Construct } from 'constructs';
import { setOwn } from '../../core/model/own-property';
import type { Manifest } from '../serialize/serialize';
import { AssignmentContext } from './assignment-context';
import { configValueText } from './config-text';
import { PlainRenderer } from './plain-manifest';
import { RawManifest } from './raw-manifest';
import { ConfigKeyError } from './render-error';
import { ConfigFileType, IConfigRenderer } from './renderer';

const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Escapes text for the inside of a double-quoted shell string. */
function shellQuote(text: string): string {
  return `"${text.replace(/[\\"$`]/g, (character) => `\\${character}`)}"`;
}

/** The keys that are not shell variable names, and why each cannot be exported. */
function invalidShellKeys(keys: readonly string[]): { key: string; problem: string }[] {
  return keys
    .filter((key) => !SHELL_NAME.test(key))
    .map((key) => ({
      key,
      problem: `config key ${JSON.stringify(key)} is not a shell variable name, so it cannot be exported`,
    }));
}

/** `platform-config.sh`: one `export KEY="value"` line per config key, sorted. */
export class PlatformConfigEnvFile extends Construct {
  public constructor(scope: Construct, id: string, config: Readonly<Record<string, string>>) {
    super(scope, id);
    const keys = Object.keys(config);
    new RawManifest(this, 'Text', { text: envFileText(config) });
    this.node.addValidation({ validate: () => invalidShellKeys(keys).map(({ problem }) => problem) });
  }
}

/** One `export KEY="value"` line per key, sorted. */
function envFileText(config: Readonly<Record<string, string>>): string {
  return Object.keys(config)
    .sort()
    .map((key) => `export ${key}=${shellQuote(config[key])}\n`)
    .join('');
}

/** The config of an assignment as env file values. */
function envFileValues(context: AssignmentContext): Record<string, string> {
  const text: Record<string, string> = {};
  for (const key of Object.keys(context.config)) setOwn(text, key, configValueText(context.config[key]));
  return text;
}

/** The built-in `envfile` config renderer (Kalypso's former `envFile` config type). */
export class EnvFileRenderer implements IConfigRenderer, PlainRenderer {
  /** `platform-config.sh`. */
  public readonly fileType = ConfigFileType.SH;

  /** A `PlatformConfigEnvFile` of the composed config; nothing when it is empty. */
  public render(scope: Construct, context: AssignmentContext): void {
    const keys = Object.keys(context.config);
    if (keys.length === 0) return;
    const invalid = invalidShellKeys(keys);
    if (invalid.length > 0) throw new ConfigKeyError(invalid);
    new PlatformConfigEnvFile(scope, 'EnvFile', envFileValues(context));
  }

  /** The env file's text; undefined for a key `render` reports. */
  public plainManifests(context: AssignmentContext): readonly Manifest[] | undefined {
    const keys = Object.keys(context.config);
    if (keys.length === 0) return [];
    if (invalidShellKeys(keys).length > 0) return undefined;
    return [{ text: envFileText(envFileValues(context)) }];
  }
}
