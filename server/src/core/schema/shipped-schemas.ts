/** The JSON Schemas Tollgate ships (server/schemas/*.schema.json), generated from the validators' own definitions. */
import { EVAL_GATE_SCHEMA } from '../evalconfig/eval-gate-schema';
import { POLICY_SCHEMA } from '../policy/policy-schema';
import { toJsonSchema } from './to-json-schema';

export const SHIPPED_SCHEMAS: Readonly<Record<string, () => Record<string, unknown>>> = {
  'policy.schema.json': () => toJsonSchema(POLICY_SCHEMA, { id: 'https://tollgate.dev/schemas/policy.schema.json', title: 'Tollgate ReleasePolicy' }),
  'evalgate.schema.json': () => toJsonSchema(EVAL_GATE_SCHEMA, { id: 'https://tollgate.dev/schemas/evalgate.schema.json', title: 'Tollgate EvalGate' }),
};
