/** Seed documents of every kind the server reads, and the mutations the fuzz test applies to them. */
import { ROLLOUT, TEMPLATE } from './documents';

const POLICY = `apiVersion: tollgate.dev/v1
kind: ReleasePolicy
metadata:
  name: acme
spec:
  defaultTier: 1
  tiers:
    - id: 2
      name: regulated
      settings:
        images: {pinning: digest}
  environments:
    - name: prod
      production: true
      namespaces: ["prod-*"]
  rules:
    - rule: TG-IMG-*
      severity: error
      tiers: [2]
  tests:
    - name: latest is refused
      manifest: |
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: x, namespace: prod-a}
        spec:
          template:
            spec:
              containers: [{name: x, image: "app:latest"}]
      expect: {fire: [TG-IMG-001]}
`;

const EVAL_GATE = `apiVersion: tollgate.dev/v1
kind: EvalGate
metadata:
  name: qa-gate
spec:
  baseline: runs/base.json
  candidate: runs/cand.json
  tier: 2
  minDelta: 0.01
  alpha: 0.05
  power: 0.8
  method: auto
`;

const RUN = `{
  "model_id": "m1",
  "task_id": "qa",
  "metric_name": "accuracy",
  "items": [
    {"item_id": "a", "score": 1},
    {"item_id": "b", "score": 0.5, "cluster_id": "c1"},
    {"item_id": "c", "score": 0}
  ]
}
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: prod-payments
  annotations:
    change.ticket/id: CHG-123
spec:
  template:
    spec:
      hostNetwork: true
      containers:
      - name: api
        image: ghcr.io/acme/api@sha256:${'a'.repeat(64)}
        securityContext: {privileged: true}
        resources: {limits: {cpu: 1, memory: 1Gi}}
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  selector: {app: api}
`;

export interface Seed {
  readonly ext: string;
  readonly languageId: string;
  readonly text: string;
}

export const SEEDS: readonly Seed[] = [
  { ext: 'yaml', languageId: 'yaml', text: ROLLOUT },
  { ext: 'yaml', languageId: 'yaml', text: `${ROLLOUT}---\n${TEMPLATE}` },
  { ext: 'yaml', languageId: 'yaml', text: DEPLOYMENT },
  { ext: 'yaml', languageId: 'yaml', text: POLICY },
  { ext: 'yaml', languageId: 'yaml', text: EVAL_GATE },
  { ext: 'runframe.json', languageId: 'json', text: RUN },
];

const JUNK = ['{{', '}}', '{{ .Values.image }}', '\t', '\t\t', ': ', '- ', '---\n', '"', "'", '[', ']', '{', '}', '&a ', '*a', '!!binary ', '|', '>-', '#', '\u0000', '\uFEFF', '😀', '\uD800', '\u0301', 'é', '\r', '\r\n', '\n', 'TG-', 'setWeight: ', 'kind: Rollout\n', '<<: *a\n'];

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** One random mutation of `text`. */
export function mutate(text: string, r: Rand): string {
  const lines = text.split('\n');
  const i = Math.floor(r() * lines.length);
  const j = Math.floor(r() * lines.length);
  const at = Math.floor(r() * (text.length + 1));
  switch (Math.floor(r() * 9)) {
    case 0:
      lines.splice(i, 1);
      return lines.join('\n');
    case 1:
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    case 2:
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      return lines.join('\n');
    case 3:
      return text.slice(0, at) + randomBytes(r) + text.slice(at);
    case 4:
      return text.slice(0, at) + pick(r, JUNK) + text.slice(at);
    case 5:
      return text.slice(0, at);
    case 6:
      lines[i] = r() < 0.5 ? `${' '.repeat(1 + Math.floor(r() * 4))}${lines[i] ?? ''}` : (lines[i] ?? '').replace(/^ {1,3}/, '');
      return lines.join('\n');
    case 7:
      lines[i] = (lines[i] ?? '').replace(/^( *)/, (m) => m.replace(/ {2}/g, '\t'));
      return lines.join('\n');
    default:
      return text.slice(0, at) + pick(r, SEEDS).text.slice(0, Math.floor(r() * 200)) + text.slice(at);
  }
}

function randomBytes(r: Rand): string {
  const n = 1 + Math.floor(r() * 8);
  let s = '';
  for (let k = 0; k < n; k++) s += String.fromCharCode(Math.floor(r() * (r() < 0.8 ? 128 : 0xffff)));
  return s;
}
