/**
 * A small argparse-compatible option parser. Written here rather than taken
 * from a library because the CLI is a drop-in for EVALSIG's argparse
 * interface: unique-prefix abbreviations (`--min` for `--min-delta`),
 * `--opt=value`, negative numbers as values, and usage errors that exit 64
 * (argparse exits 2, which collides with INCONCLUSIVE).
 */
import { UsageError } from '../core/errors';

export type OptionKind = 'string' | 'float' | 'int' | 'flag';

export interface OptionSpec {
  readonly name: string; // without dashes, e.g. "min-delta"
  readonly kind: OptionKind;
  readonly required?: boolean;
  readonly choices?: readonly string[];
  /** May be given more than once; values are collected in order. */
  readonly repeatable?: boolean;
  readonly metavar?: string;
  readonly help: string;
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  /** Name of the positional arguments (e.g. FILE), if the command takes any. */
  readonly positional?: { readonly name: string; readonly min: number; readonly help: string };
}

export interface ParsedArgs {
  readonly values: ReadonlyMap<string, readonly (string | number | boolean)[]>;
  readonly positionals: readonly string[];
  readonly help: boolean;
}

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+(?:[eE][-+]?\d+)?$|^-\d+(?:\.\d*)?[eE][-+]?\d+$/;

export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const values = new Map<string, (string | number | boolean)[]>();
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg.startsWith('-') && arg !== '-' && !NEGATIVE_NUMBER.test(arg)) usageError(spec, `unrecognized argument: ${arg}`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const opt = resolveOption(spec, arg.slice(2, eq < 0 ? undefined : eq));
    let raw: string | undefined;
    if (opt.kind !== 'flag') {
      raw = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (raw === undefined || (raw.startsWith('-') && !NEGATIVE_NUMBER.test(raw) && eq < 0)) {
        usageError(spec, `argument --${opt.name}: expected one argument`);
      }
    } else if (eq >= 0) {
      usageError(spec, `argument --${opt.name}: ignored explicit argument '${arg.slice(eq + 1)}'`);
    }
    const list = values.get(opt.name) ?? [];
    const value = convert(spec, opt, raw);
    if (opt.repeatable) list.push(value);
    else list.splice(0, list.length, value); // argparse: the last one wins
    values.set(opt.name, list);
  }
  if (!help) checkRequired(spec, values, positionals);
  return { values, positionals, help };
}

function resolveOption(spec: CommandSpec, name: string): OptionSpec {
  const exact = spec.options.find((o) => o.name === name);
  if (exact) return exact;
  const matches = spec.options.filter((o) => o.name.startsWith(name));
  if (matches.length === 1 && name.length > 0) return matches[0];
  if (matches.length > 1) {
    usageError(spec, `ambiguous option: --${name} could match ${matches.map((o) => `--${o.name}`).join(', ')}`);
  }
  return usageError(spec, `unrecognized argument: --${name}`);
}

function convert(spec: CommandSpec, opt: OptionSpec, raw: string | undefined): string | number | boolean {
  if (opt.kind === 'flag') return true;
  const text = raw as string;
  if (opt.choices && !opt.choices.includes(text)) {
    usageError(spec, `argument --${opt.name}: invalid choice: '${text}' (choose from ${opt.choices.map((c) => `'${c}'`).join(', ')})`);
  }
  if (opt.kind === 'float') {
    const v = text.trim() === '' ? NaN : Number(text.replace(/_/g, ''));
    if (Number.isNaN(v) && text.trim().toLowerCase() !== 'nan') usageError(spec, `argument --${opt.name}: invalid float value: '${text}'`);
    return v;
  }
  if (opt.kind === 'int') {
    if (!/^\s*[-+]?\d[\d_]*\s*$/.test(text)) usageError(spec, `argument --${opt.name}: invalid int value: '${text}'`);
    return Number(text.replace(/_/g, ''));
  }
  return text;
}

function checkRequired(spec: CommandSpec, values: Map<string, unknown>, positionals: string[]): void {
  const missing = spec.options.filter((o) => o.required && !values.has(o.name)).map((o) => `--${o.name}`);
  if (spec.positional && positionals.length < spec.positional.min) missing.push(spec.positional.name);
  if (missing.length) usageError(spec, `the following arguments are required: ${missing.join(', ')}`);
  if (!spec.positional && positionals.length) usageError(spec, `unrecognized arguments: ${positionals.join(' ')}`);
}

export function usageError(spec: CommandSpec, message: string): never {
  throw new UsageError(`${usageLine(spec)}\ntollgate ${spec.name}: error: ${message}`);
}

export function usageLine(spec: CommandSpec): string {
  const parts = spec.options.map((o) => {
    const token = o.kind === 'flag' ? `--${o.name}` : `--${o.name} ${o.metavar ?? o.name.toUpperCase().replace(/-/g, '_')}`;
    return o.required ? token : `[${token}]`;
  });
  if (spec.positional) parts.push(`${spec.positional.name} [${spec.positional.name} ...]`);
  return `usage: tollgate ${spec.name} [-h] ${parts.join(' ')}`;
}

export function helpText(spec: CommandSpec): string {
  const rows = spec.options.map((o) => {
    const token = o.kind === 'flag' ? `--${o.name}` : `--${o.name} ${o.metavar ?? o.name.toUpperCase().replace(/-/g, '_')}`;
    const extra = o.choices ? ` {${o.choices.join(',')}}` : '';
    return `  ${token.padEnd(30)} ${o.help}${extra}`;
  });
  const pos = spec.positional ? [`  ${spec.positional.name.padEnd(30)} ${spec.positional.help}`] : [];
  return [usageLine(spec), '', spec.summary, '', 'options:', '  -h, --help'.padEnd(33) + 'show this help and exit', ...pos, ...rows].join('\n');
}

/** Typed accessors over ParsedArgs. */
export class Args {
  constructor(private readonly parsed: ParsedArgs) {}
  str(name: string): string | undefined {
    return this.parsed.values.get(name)?.at(-1) as string | undefined;
  }
  strs(name: string): string[] {
    return (this.parsed.values.get(name) ?? []) as string[];
  }
  num(name: string): number | undefined {
    return this.parsed.values.get(name)?.at(-1) as number | undefined;
  }
  flag(name: string): boolean {
    return this.parsed.values.has(name);
  }
  get positionals(): readonly string[] {
    return this.parsed.positionals;
  }
}
