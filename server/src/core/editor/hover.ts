/**
 * Hover text at a position: rule ids anywhere (findings' codes, suppression
 * comments, policy files), tier and environment values (from the policy in
 * force) and field documentation for Rollout, AnalysisTemplate, ReleasePolicy
 * and EvalGate keys.
 */
import type { Span } from '../findings';
import type { Policy } from '../policy/model';
import type { EditorEnv } from './editor-env';
import { documentKind, fieldAt, fieldMarkdown } from './field-schemas';
import { findRule, ruleMarkdown } from './rule-docs';
import { lineShape, yamlContextAt } from './yaml-context';

export interface EditorHover {
  readonly markdown: string;
  readonly span: Span;
}

/** The hover at `offset`, or undefined when there is nothing to explain there. */
export function hoverAt(text: string, offset: number, env: EditorEnv): EditorHover | undefined {
  return ruleHover(text, offset) ?? keyHover(text, offset, env);
}

function ruleHover(text: string, offset: number): EditorHover | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const line = text.slice(lineStart, nl < 0 ? text.length : nl);
  for (const m of line.matchAll(/\bTG-[A-Z]+-[A-Z0-9]+\b/g)) {
    const start = lineStart + m.index;
    const end = start + m[0].length;
    if (offset < start || offset > end) continue;
    const rule = findRule(m[0]);
    return rule ? { markdown: ruleMarkdown(rule), span: { start, end } } : undefined;
  }
  return undefined;
}

function keyHover(text: string, offset: number, env: EditorEnv): EditorHover | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const line = text.slice(lineStart, nl < 0 ? text.length : nl).replace(/\r$/, '');
  const shape = lineShape(line);
  if (shape.key === undefined) return undefined;
  const keyStart = lineStart + shape.keyCol;
  const keyEnd = keyStart + line.slice(shape.keyCol).indexOf(':');
  const ctx = yamlContextAt(text, keyStart);
  if (offset > keyEnd) return valueHover(shape.key, line.slice(keyEnd - lineStart + 1), keyEnd + 1, env.policy);
  if (offset < keyStart) return undefined;
  const node = fieldAt(documentKind(text, ctx.docStart), [...ctx.path, shape.key]);
  if (!node) return undefined;
  const path = [...ctx.path, shape.key].join('.').replace(/\.\[\]/g, '[]');
  return { markdown: fieldMarkdown(path, node), span: { start: keyStart, end: keyEnd } };
}

/** Tier and environment labels: what the value means under the policy in force. */
function valueHover(key: string, rest: string, restStart: number, policy: Policy): EditorHover | undefined {
  const value = rest.replace(/\s#.*$/, '').trim().replace(/^["']|["']$/g, '');
  if (value === '') return undefined;
  const start = restStart + rest.indexOf(value);
  const span = { start, end: start + value.length };
  if (key === policy.tierKey) {
    const tier = policy.tiers.find((t) => String(t.id) === value);
    const md = tier ? `**Tier ${tier.id} — ${tier.name}**${tier.description ? `\n\n${tier.description}` : ''}` : `Tier \`${value}\` is not defined by the policy in force (${policy.name}); tier ${policy.defaultTier} applies.`;
    return { markdown: md, span };
  }
  if (key === policy.environmentKey) {
    const env = policy.environments.find((e) => e.name === value);
    const md = env ? `**Environment ${env.name}** · ${env.production ? 'production: rules use production severities' : 'non-production: rules one step milder'}` : `Environment \`${value}\` is not defined by the policy in force (${policy.name}).`;
    return { markdown: md, span };
  }
  return undefined;
}
