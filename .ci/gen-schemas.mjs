// Regenerates server/schemas/{policy,evalgate}.schema.json from the validators' definitions
// (npm run schemas; runs under tsx so it can import the TypeScript source).
// test/manifest/schemas.test.ts fails when the committed files are stale.
import { writeFileSync } from 'node:fs';
import { SHIPPED_SCHEMAS } from '../server/src/core/schema/shipped-schemas.ts';

for (const [name, make] of Object.entries(SHIPPED_SCHEMAS)) {
  writeFileSync(new URL(`../server/schemas/${name}`, import.meta.url), `${JSON.stringify(make(), null, 2)}\n`);
}
