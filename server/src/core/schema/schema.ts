/**
 * A small declarative schema for Tollgate's own YAML kinds (ReleasePolicy,
 * EvalGate). One definition serves three purposes: validation with precise
 * spans and "did you mean" (JSON Schema validators give paths, not source
 * ranges), the JSON Schema files shipped for vscode-yaml users (toJsonSchema),
 * and field documentation for hovers and completion (`description`).
 */

export type SchemaNode = StringSchema | NumberSchema | BooleanSchema | ArraySchema | ObjectSchema | MapSchema | UnionSchema;

interface Base {
  readonly description?: string;
  /** Shown in hovers and used as the JSON Schema default. */
  readonly default?: unknown;
}

export interface StringSchema extends Base {
  readonly type: 'string';
  readonly enum?: readonly string[];
  readonly pattern?: string;
  /** Human name of the pattern for messages ("a rule id"). */
  readonly patternName?: string;
  readonly minLength?: number;
}

export interface NumberSchema extends Base {
  readonly type: 'number' | 'integer';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

export interface BooleanSchema extends Base {
  readonly type: 'boolean';
}

export interface ArraySchema extends Base {
  readonly type: 'array';
  readonly items: SchemaNode;
  /** Allow a single value where a list is expected (`tiers: 2` = `tiers: [2]`). */
  readonly single?: boolean;
}

export interface ObjectSchema extends Base {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
}

/** A map with free keys (labels, settings per name). */
export interface MapSchema extends Base {
  readonly type: 'map';
  readonly values: SchemaNode;
  readonly keyPattern?: string;
}

/** One of several shapes (e.g. a number or a string). The first whose type matches validates. */
export interface UnionSchema extends Base {
  readonly type: 'union';
  readonly anyOf: readonly SchemaNode[];
}

export const str = (o: Omit<StringSchema, 'type'> = {}): StringSchema => ({ type: 'string', ...o });
export const num = (o: Omit<NumberSchema, 'type'> = {}): NumberSchema => ({ type: 'number', ...o });
export const int = (o: Omit<NumberSchema, 'type'> = {}): NumberSchema => ({ type: 'integer', ...o });
export const bool = (o: Omit<BooleanSchema, 'type'> = {}): BooleanSchema => ({ type: 'boolean', ...o });
export const arr = (items: SchemaNode, o: Omit<ArraySchema, 'type' | 'items'> = {}): ArraySchema => ({ type: 'array', items, ...o });
export const obj = (properties: Record<string, SchemaNode>, o: Omit<ObjectSchema, 'type' | 'properties'> = {}): ObjectSchema => ({ type: 'object', properties, ...o });
export const map = (values: SchemaNode, o: Omit<MapSchema, 'type' | 'values'> = {}): MapSchema => ({ type: 'map', values, ...o });
export const union = (anyOf: readonly SchemaNode[], o: Omit<UnionSchema, 'type' | 'anyOf'> = {}): UnionSchema => ({ type: 'union', anyOf, ...o });

/** The schema node at a path of keys (array indices skipped), for hovers and completion. */
export function schemaAt(root: SchemaNode, path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'number') node = node.type === 'array' ? node.items : undefined;
    else if (node.type === 'object') node = node.properties[seg];
    else if (node.type === 'map') node = node.values;
    else if (node.type === 'array') node = node.items.type === 'object' ? node.items.properties[seg] : undefined;
    else node = undefined;
  }
  return node;
}
