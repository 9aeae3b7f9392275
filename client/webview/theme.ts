/**
 * Chart colours from VS Code's theme variables, read at render time and again
 * whenever VS Code switches theme (it changes the body's class), so canvas
 * charts follow light, dark and high-contrast themes like the CSS does.
 */
import type { Verdict } from './messages';

export interface Palette {
  readonly fg: string;
  readonly muted: string;
  readonly grid: string;
  readonly bg: string;
  /** Background of the cards the charts sit on. */
  readonly surface: string;
  readonly verdict: Readonly<Record<Verdict | 'NONE', string>>;
  readonly minDelta: string;
  readonly mde: string;
  readonly focus: string;
  readonly font: string;
  readonly fontSize: number;
  readonly highContrast: boolean;
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

export function readPalette(): Palette {
  const s = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => cssVar(s, `--vscode-${name}`, fallback);
  const fg = v('charts-foreground', v('editor-foreground', '#cccccc'));
  const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  return {
    fg,
    muted: v('descriptionForeground', fg),
    grid: v('charts-lines', 'rgba(128, 128, 128, 0.35)'),
    bg: v('editor-background', '#1e1e1e'),
    surface: v('editorWidget-background', v('editor-background', '#1e1e1e')),
    verdict: { ALLOW: v('charts-green', '#89d185'), REJECT: v('charts-red', '#f14c4c'), INCONCLUSIVE: v('charts-yellow', '#cca700'), NONE: v('descriptionForeground', '#9d9d9d') },
    minDelta: v('charts-blue', '#3794ff'),
    mde: v('charts-purple', '#b180d7'),
    focus: v('focusBorder', '#007fd4'),
    font: v('font-family', 'system-ui, sans-serif'),
    fontSize: Number.parseFloat(v('font-size', '13px')) || 13,
    highContrast,
  };
}

/** Calls `onChange` after VS Code changes theme (the body's class or theme-kind attribute). */
export function watchTheme(onChange: () => void): void {
  new MutationObserver(onChange).observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind'] });
}

/** Verdict → glyph, so a verdict never relies on colour alone. */
export const VERDICT_ICON: Readonly<Record<Verdict, string>> = { ALLOW: '✓', REJECT: '✕', INCONCLUSIVE: '?' };
