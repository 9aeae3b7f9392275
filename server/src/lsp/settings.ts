/**
 * Server settings (`tollgate.*`). Defaults, then the client's
 * `initializationOptions` (for editors that cannot answer
 * workspace/configuration, and for tests and the bench), then the
 * `tollgate` section pulled with workspace/configuration whenever the client
 * says the configuration changed. Values arrive as `unknown` and are narrowed
 * field by field: a bad value falls back instead of breaking the server.
 */
import type { Connection } from 'vscode-languageserver';

export interface ServerSettings {
  /** `tollgate.validate.enable`: publish diagnostics at all. */
  readonly validateEnable: boolean;
  /** `tollgate.debounceMs`: quiet time after the last keystroke before a document is checked. */
  readonly debounceMs: number;
  /** `tollgate.policy.path`: one policy file to use instead of every ReleasePolicy in the workspace ('' = discover). */
  readonly policyPath: string;
  /** `tollgate.codeLens.enable`: Rollout summaries, policy test results and gate previews. */
  readonly codeLensEnable: boolean;
  /** `tollgate.workspace.scan`: index manifest and policy files on disk, not only open ones. */
  readonly workspaceScan: boolean;
  /** `tollgate.evalGate.preview`: run the statistical gate of open EvalGate files (code lens + verdict finding). */
  readonly evalGatePreview: boolean;
  /** `tollgate.evidence.root`: the evidence directory (run store, envelopes, releases), relative to the first workspace folder. */
  readonly evidenceRoot: string;
  /** `tollgate.evidence.signCommand`: argv of an external signer (`{file}`, `{sig}` placeholders); run only in a trusted workspace. */
  readonly signCommand: readonly string[];
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  validateEnable: true,
  debounceMs: 200,
  policyPath: '',
  codeLensEnable: true,
  workspaceScan: true,
  evalGatePreview: true,
  evidenceRoot: '.tollgate/evidence',
  signCommand: [],
};

/** Settings with the `tollgate` section object `raw` applied on top of `base`. */
export function applySettings(base: ServerSettings, raw: unknown): ServerSettings {
  if (!isRecord(raw)) return base;
  const debounce = raw['debounceMs'];
  return {
    validateEnable: bool(section(raw, 'validate')['enable'], base.validateEnable),
    debounceMs: typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, 10_000) : base.debounceMs,
    policyPath: str(section(raw, 'policy')['path'], base.policyPath),
    codeLensEnable: bool(section(raw, 'codeLens')['enable'], base.codeLensEnable),
    workspaceScan: bool(section(raw, 'workspace')['scan'], base.workspaceScan),
    evalGatePreview: bool(section(raw, 'evalGate')['preview'], base.evalGatePreview),
    evidenceRoot: str(section(raw, 'evidence')['root'], base.evidenceRoot) || base.evidenceRoot,
    signCommand: strings(section(raw, 'evidence')['signCommand'], base.signCommand),
  };
}

/**
 * Whether the workspace is trusted. Only the client's initializationOptions
 * can say so (`workspaceTrusted: true`): a workspace's own settings must never
 * be able to declare themselves trusted. Default: untrusted, so no git and no signer.
 */
export function workspaceTrusted(initializationOptions: unknown): boolean {
  return isRecord(initializationOptions) && initializationOptions['workspaceTrusted'] === true;
}

function strings(v: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v) : fallback;
}

/** Holds the settings in force and refreshes them from the client on demand. */
export class SettingsStore {
  private value: ServerSettings;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initializationOptions: unknown,
  ) {
    this.value = applySettings(DEFAULT_SERVER_SETTINGS, initializationOptions);
  }

  get current(): ServerSettings {
    return this.value;
  }

  /** Pull the `tollgate` section; resolves to whether anything changed. */
  async refresh(): Promise<boolean> {
    if (!this.canPull) return false;
    const raw: unknown = await this.connection.workspace.getConfiguration('tollgate');
    const next = applySettings(this.value, raw);
    const changed = JSON.stringify(next) !== JSON.stringify(this.value);
    this.value = next;
    return changed;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A nested section; accepts both `{validate: {enable}}` and VS Code's flattened `{'validate.enable': …}`. */
function section(raw: Record<string, unknown>, name: string): Record<string, unknown> {
  const nested = raw[name];
  const out: Record<string, unknown> = isRecord(nested) ? { ...nested } : {};
  for (const [k, v] of Object.entries(raw)) if (k.startsWith(`${name}.`)) out[k.slice(name.length + 1)] = v;
  return out;
}

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}
