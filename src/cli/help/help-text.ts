import type { CommandHelp } from '../command';
import { EXIT_CODE_MEANINGS, ExitCode } from '../exit';
import { FlagDeclaration, FlagDeclarations } from '../flags/flag-declaration';
import { HELP_WIDTH, entryLines, unbroken, wrap } from './layout';

/** The main help and the CLI reference are made of these, as a command's help is of its declaration. */
export interface ProgramHelp {
  readonly usage: string;
  readonly description: string;
  readonly commands: readonly CommandHelp[];
  /** Flags most commands share, listed once. */
  readonly sharedFlags: { readonly title: string; readonly flags: FlagDeclarations };
  /** Flags of `kalypso` itself. */
  readonly programFlags: FlagDeclarations;
  readonly examples: readonly string[];
  readonly notes: readonly string[];
}

/** `-c, --control-plane PATH`, `    --json`. */
export function flagTerm(name: string, flag: FlagDeclaration): string {
  return `${flag.short ? `-${flag.short}, ` : '    '}--${name}${flag.value ? ` ${flag.value}` : ''}`;
}

/** A flag's description with what help adds: other names, `(repeatable)`, `[default: …]`. */
export function flagText(flag: FlagDeclaration): string {
  const aliases = (flag.aliases ?? []).map((alias) => `--${alias}`);
  const defaultText = flag.defaultText ?? flag.default;
  return [
    flag.description,
    aliases.length > 0 ? `(also ${aliases.join(', ')})` : '',
    flag.multiple ? '(repeatable)' : '',
    flag.required ? '[required]' : '',
    defaultText !== undefined ? `[default: ${defaultText}]` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The flags of a declaration by heading, in the order declared (`Options` first). */
export function flagGroups(flags: FlagDeclarations): [string, [string, FlagDeclaration][]][] {
  const groups = new Map<string, [string, FlagDeclaration][]>([['Options', []]]);
  for (const [name, flag] of Object.entries(flags)) {
    const group = flag.group ?? 'Options';
    groups.set(group, [...(groups.get(group) ?? []), [name, flag]]);
  }
  return [...groups].filter(([, entries]) => entries.length > 0);
}

/** `0 no differences, 1 problems in the input, …` */
export function exitCodesText(command: CommandHelp): string {
  return [...command.exitCodes]
    .sort((a, b) => a - b)
    .map((code) => unbroken(`${code} ${command.exitCodeMeanings?.[code] ?? EXIT_CODE_MEANINGS[code]}`))
    .join(', ');
}

/** `kalypso <command> --help`. */
export function commandHelp(command: CommandHelp): string {
  const [first, ...more] = (command.usage ?? ['[options]']).map((form) => `kalypso ${command.name} ${form}`);
  const lines = [`Usage: ${first}`, ...more.map((form) => `       ${form}`), ''];
  for (const paragraph of command.description) lines.push(...wrap(paragraph, HELP_WIDTH), '');
  if (command.arguments && command.arguments.length > 0) {
    lines.push('Arguments:', ...command.arguments.flatMap(([term, text]) => entryLines(term, text)), '');
  }
  for (const [title, flags] of flagGroups(command.flags)) {
    lines.push(`${title}:`, ...flags.flatMap(([name, flag]) => entryLines(flagTerm(name, flag), flagText(flag))), '');
  }
  for (const section of command.sections ?? []) {
    lines.push(`${section.title}:`);
    lines.push(...(section.entries ?? []).flatMap(([term, text]) => entryLines(term, text)));
    for (const paragraph of section.paragraphs ?? [])
      lines.push(...wrap(paragraph, HELP_WIDTH - 2).map((line) => `  ${line}`));
    lines.push('');
  }
  lines.push(...wrap(`Exit codes: ${exitCodesText(command)}.`, HELP_WIDTH), '');
  lines.push('Examples:', ...command.examples.map((example) => `  ${example}`));
  return `${lines.join('\n')}\n`;
}

/** The exit codes of every command: a code only some commands return names them. */
export function programExitCodesText(commands: readonly CommandHelp[]): string {
  const codes = [...new Set(commands.flatMap((command) => command.exitCodes))].sort((a, b) => a - b);
  return codes
    .map((code: ExitCode) => {
      const users = commands.filter((command) => command.exitCodes.includes(code));
      const only = users.length <= 2 ? ` (${users.map((user) => `kalypso ${user.name}`).join(', ')})` : '';
      return unbroken(`${code} ${EXIT_CODE_MEANINGS[code]}${only}`);
    })
    .join(', ');
}

/** `kalypso --help`. */
export function programHelp(program: ProgramHelp): string {
  const width = Math.max(...program.commands.map((command) => command.name.length));
  const lines = [`Usage: ${program.usage}`, '', ...wrap(program.description, HELP_WIDTH), '', 'Commands:'];
  for (const command of program.commands) lines.push(`  ${command.name.padEnd(width)}  ${command.summary}`);
  lines.push('', `${program.sharedFlags.title}:`);
  for (const [name, flag] of Object.entries(program.sharedFlags.flags))
    lines.push(...entryLines(flagTerm(name, flag), flagText(flag)));
  lines.push('');
  for (const [name, flag] of Object.entries(program.programFlags))
    lines.push(...entryLines(flagTerm(name, flag), flagText(flag)));
  lines.push('', 'Examples:', ...program.examples.map((example) => `  ${example}`), '');
  lines.push(...wrap(`Exit codes: ${programExitCodesText(program.commands)}.`, HELP_WIDTH));
  for (const note of program.notes) lines.push(...wrap(note, HELP_WIDTH));
  return `${lines.join('\n')}\n`;
}
