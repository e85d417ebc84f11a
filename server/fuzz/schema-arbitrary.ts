import fc from 'fast-check';
import { edgyString, hostileId, hugeString, unicodeEdge, wrongValue } from './hostile-values';

/** The subset of JSON Schema (OpenAPI 3.0 flavour) the app's zod schemas turn into. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
};

/**
 * Values for a schema that are mostly well-formed (so requests get past validation into the
 * services, where the bugs are) with, at every node, a chance of something hostile instead:
 * a wrong type, a huge or unicode-edged string, a number out of range, a missing or extra field.
 */
export function fromSchema(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const wellFormed = wellFormedFor(schema ?? {}, depth);
  return fc.oneof({ arbitrary: wellFormed, weight: 6 }, { arbitrary: hostile(schema ?? {}), weight: 1 });
}

function hostile(schema: JsonSchema): fc.Arbitrary<unknown> {
  const type = typeOf(schema);
  if (type === 'string') return fc.oneof(wrongValue, hugeString, edgyString);
  if (type === 'integer' || type === 'number') return fc.oneof(wrongValue, hostileId);
  return wrongValue;
}

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

function wellFormedFor(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => fromSchema(v, depth + 1)));
  const value = plain(schema, depth);
  return schema.nullable ? fc.option(value, { nil: null, freq: 5 }) : value;
}

function plain(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (typeOf(schema)) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return integerFor(schema);
    case 'number':
      return fc.oneof(
        integerFor(schema),
        fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true }),
      );
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(depth > 4 ? wrongValue : fromSchema(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      });
    case 'object':
      return objectFor(schema, depth);
    default:
      return wrongValue;
  }
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$' || schema.format === 'date') {
    return fc.oneof(
      fc.constantFrom(
        '2024-07-01',
        '2024-12-31',
        '2025-01-01',
        '2024-02-29',
        '2023-02-29',
        '2024-13-01',
        '2024-00-00',
        '9999-12-31',
        '0000-01-01',
      ),
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    );
  }
  if (schema.format === 'email') return fc.oneof(fc.emailAddress(), fc.constant('办公室@例子.中国'));
  if (schema.pattern) return fc.constantFrom('000000', '123456', '12345678', 'abcdef', '');
  const max = Math.min(schema.maxLength ?? 200, 200);
  const min = schema.minLength ?? 0;
  const ordinary = fc
    .constantFrom('新增充电桩1000个', '区发改局', '张一', '第一季度', 'Str0ng!Passw0rd', 'office')
    .filter((s) => s.length >= min && s.length <= max);
  return fc.oneof(
    edgyString.map((s) => s.slice(0, max)).filter((s) => s.length >= min),
    ordinary,
    // ordinary text with one edge case inside: passes length checks, reaches the database
    fc.tuple(ordinary, unicodeEdge).map(([text, edge]) => `${text.slice(0, 2)}${edge}${text.slice(2)}`.slice(0, max)),
    // exactly at the limit
    fc.constant('测'.repeat(Math.max(min, max))),
  );
}

function integerFor(schema: JsonSchema): fc.Arbitrary<number> {
  const lower = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : schema.minimum;
  const exclusive = schema.exclusiveMinimum === true || typeof schema.exclusiveMinimum === 'number';
  const min = lower !== undefined ? Math.floor(lower) + (exclusive || !Number.isInteger(lower) ? 1 : 0) : -1000;
  const max = Math.floor(Math.min(schema.maximum ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
  if (min > max) return fc.constant(min);
  const bounds = [min, max, Math.min(max, 2147483647), Math.min(max, 2147483648)].filter((n) => n >= min && n <= max);
  return fc.oneof(
    // small numbers: ids and versions that exist in the fuzz world
    fc.integer({ min: Math.max(min, -2), max: Math.max(Math.min(max, 60), Math.max(min, -2)) }),
    fc.constantFrom(...bounds),
    fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max }),
  );
}

function objectFor(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const fields = props.map(([name, s]) =>
    fc.tuple(
      fc.constant(name),
      fc.option(fromSchema(s, depth + 1), { nil: undefined, freq: required.has(name) ? 20 : 3 }),
    ),
  );
  const extra = fc.option(
    fc.dictionary(
      fc.oneof(edgyString, fc.constantFrom('__proto__', 'constructor', 'orgId', 'id', 'role')),
      wrongValue,
      { maxKeys: 2 },
    ),
    { nil: undefined, freq: 4 },
  );
  return fc.tuple(fc.tuple(...fields), extra).map(([pairs, more]) => {
    const out: Record<string, unknown> = {};
    for (const [name, value] of pairs) if (value !== undefined) out[name] = value;
    // defineProperty, so a "__proto__" key is an own key that reaches the JSON text
    for (const [k, v] of Object.entries(more ?? {}))
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    return out;
  });
}
