/**
 * JSON Schema (draft-07) from a Tollgate schema, shipped in server/schemas/
 * so vscode-yaml and other editors validate and complete ReleasePolicy and
 * EvalGate files even without Tollgate's server.
 */
import type { SchemaNode } from './schema';

export function toJsonSchema(node: SchemaNode, meta?: { id: string; title: string }): Record<string, unknown> {
  const body = convert(node);
  return meta ? { $schema: 'http://json-schema.org/draft-07/schema#', $id: meta.id, title: meta.title, ...body } : body;
}

function convert(n: SchemaNode): Record<string, unknown> {
  const common = { ...(n.description ? { description: n.description } : {}), ...(n.default !== undefined ? { default: n.default } : {}) };
  switch (n.type) {
    case 'string':
      return { type: 'string', ...common, ...(n.enum ? { enum: [...n.enum] } : {}), ...(n.pattern ? { pattern: n.pattern } : {}), ...(n.minLength !== undefined ? { minLength: n.minLength } : {}) };
    case 'number':
    case 'integer': {
      const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = n;
      return { type: n.type, ...common, ...(minimum !== undefined ? { minimum } : {}), ...(maximum !== undefined ? { maximum } : {}), ...(exclusiveMinimum !== undefined ? { exclusiveMinimum } : {}), ...(exclusiveMaximum !== undefined ? { exclusiveMaximum } : {}) };
    }
    case 'boolean':
      return { type: 'boolean', ...common };
    case 'array': {
      const list = { type: 'array', items: convert(n.items) };
      return n.single ? { ...common, anyOf: [list, convert(n.items)] } : { ...list, ...common };
    }
    case 'object':
      return {
        type: 'object',
        ...common,
        properties: Object.fromEntries(Object.entries(n.properties).map(([k, v]) => [k, convert(v)])),
        ...(n.required?.length ? { required: [...n.required] } : {}),
        additionalProperties: false,
      };
    case 'map':
      return { type: 'object', ...common, additionalProperties: convert(n.values), ...(n.keyPattern ? { propertyNames: { pattern: n.keyPattern } } : {}) };
    case 'union':
      return { ...common, anyOf: n.anyOf.map(convert) };
  }
}
