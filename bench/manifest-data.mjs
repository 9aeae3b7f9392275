// The bench's manifest: 200 documents, 5,000 lines (50 each of Rollout,
// Service, AnalysisTemplate, Deployment, 24 lines per document plus separators), with one
// out-of-range weight per Rollout so both servers have something to report.
const pad = (lines, n) => [...lines, ...Array.from({ length: n - lines.length }, (_, i) => `# filler ${i}`)];

function rollout(i) {
  return pad([
    'apiVersion: argoproj.io/v1alpha1', 'kind: Rollout', 'metadata:', `  name: app-${i}`, '  namespace: prod-shop', '  labels:', `    app: app-${i}`, '    tollgate.dev/tier: "1"',
    'spec:', '  replicas: 4', '  selector:', `    matchLabels: {app: app-${i}}`, '  template:', `    metadata: {labels: {app: app-${i}}}`, '    spec:', '      containers:',
    `      - {name: app, image: "ghcr.io/acme/app-${i}:1.${i}.0"}`, '  strategy:', '    canary:', '      steps:', '      - setWeight: 150', '      - pause: {duration: 10m}',
    '      - analysis: {templates: [{templateName: success-${i}}]}', '      - setWeight: 50',
  ], 24);
}

function service(i) {
  return pad(['apiVersion: v1', 'kind: Service', 'metadata:', `  name: app-${i}`, '  namespace: prod-shop', 'spec:', '  selector:', `    app: app-${i}`, '  ports:', '  - port: 80', '    targetPort: 8080'], 24);
}

function template(i) {
  return pad([
    'apiVersion: argoproj.io/v1alpha1', 'kind: AnalysisTemplate', 'metadata:', `  name: success-${i}`, '  namespace: prod-shop', 'spec:', '  args:', '  - name: service', '  metrics:', '  - name: success-rate',
    '    interval: 1m', '    successCondition: result[0] >= 0.95', '    failureLimit: 3', '    provider:', '      prometheus:', '        address: http://prometheus:9090',
    '        query: sum(rate(http_requests_total{code!~"5.."}[5m])) / sum(rate(http_requests_total[5m]))',
  ], 24);
}

function deployment(i) {
  return pad([
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: worker-${i}`, '  namespace: prod-shop', '  annotations:', `    change.ticket/id: CHG-${1000 + i}`, 'spec:', '  replicas: 2', '  selector:', `    matchLabels: {app: worker-${i}}`,
    '  template:', `    metadata: {labels: {app: worker-${i}}}`, '    spec:', '      containers:', `      - name: worker`, `        image: ghcr.io/acme/worker-${i}:2.0.${i}`, '        resources:', '          limits: {cpu: 500m, memory: 256Mi}',
  ], 24);
}

/** The 5,000-line, 200-document manifest text. */
export function benchManifest() {
  const docs = [];
  for (let i = 0; i < 50; i++) docs.push(rollout(i), service(i), template(i), deployment(i));
  return docs.map((d) => d.join('\n')).join('\n---\n') + '\n';
}
