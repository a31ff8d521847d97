// Reads a JSON Schema of the OpenAPI document (as zod-openapi writes it) into rows a person can
// read: each field's name, type, whether it is required, its description, and the fields inside.
// Used by the reference page (/api/v1/docs); pure, so it runs anywhere.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  title?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  [key: string]: unknown;
};

export type SchemaField = { name: string; type: string; required: boolean; description?: string; fields: SchemaField[] };

type Components = Record<string, JsonSchema>;

export function resolveSchema(schema: JsonSchema | undefined, components: Components, seen: Set<string> = new Set()): JsonSchema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return { type: 'object', title: name };
    seen.add(name);
    const target = components[name] ?? {};
    return { ...resolveSchema(target, components, seen), ...(schema.description ? { description: schema.description } : {}) };
  }
  return schema;
}

/** "string (uuid)", "integer", "one of draft, submitted", "array of object", "string or null". */
export function typeLabel(raw: JsonSchema | undefined, components: Components, depth = 0): string {
  const schema = resolveSchema(raw, components);
  if (depth > 4) return 'value';
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return [...new Set(variants.map((v) => typeLabel(v, components, depth + 1)))].join(' or ');
  if (schema.allOf?.length === 1) return typeLabel(schema.allOf[0], components, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return schema.properties ? 'object' : 'value';
  return types
    .map((type) => {
      if (type === 'array') return `array of ${typeLabel(schema.items, components, depth + 1)}`;
      if (type === 'object' && !schema.properties && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        return `map of ${typeLabel(schema.additionalProperties, components, depth + 1)}`;
      }
      const limits = [
        schema.format,
        schema.maxLength !== undefined ? `≤ ${schema.maxLength} chars` : null,
        schema.maxItems !== undefined ? `≤ ${schema.maxItems} items` : null,
      ].filter(Boolean);
      return limits.length && type !== 'null' ? `${type} (${limits.join(', ')})` : type;
    })
    .join(' or ');
}

/** The object's fields (following arrays and nullable variants into their objects), to `maxDepth`. */
export function schemaFields(raw: JsonSchema | undefined, components: Components, maxDepth = 3): SchemaField[] {
  const object = objectOf(resolveSchema(raw, components), components);
  if (!object?.properties || maxDepth <= 0) return [];
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties).map(([name, property]) => {
    const resolved = resolveSchema(property, components);
    return {
      name,
      type: typeLabel(property, components),
      required: required.has(name),
      description: resolved.description,
      fields: schemaFields(property, components, maxDepth - 1),
    };
  });
}

function objectOf(schema: JsonSchema, components: Components): JsonSchema | null {
  if (schema.properties) return schema;
  if (schema.items) return objectOf(resolveSchema(schema.items, components), components);
  for (const variant of schema.anyOf ?? schema.oneOf ?? schema.allOf ?? []) {
    const found = objectOf(resolveSchema(variant, components), components);
    if (found) return found;
  }
  return null;
}
