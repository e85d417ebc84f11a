import fc from 'fast-check';
import type { RouteInfo } from '../http/policy-hooks';
import {
  deepNesting,
  encodeLoosely,
  hostileId,
  hugeString,
  RawJson,
  toJsonText,
  toUrlText,
  wrongValue,
} from './hostile-values';
import { fromSchema, type JsonSchema } from './schema-arbitrary';

/** One generated HTTP request: what the fuzz sends and what a failure report shows. */
export type FuzzRequest = { method: string; url: string; contentType: string | null; payload: string | null };

type OpenApiOperation = {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};
export type OpenApiDoc = { paths: Record<string, Record<string, OpenApiOperation>> };

/** The OpenAPI operation of a route of the route table (the document spells `:id` as `{id}`). */
export function operationOf(doc: OpenApiDoc, route: RouteInfo): OpenApiOperation {
  const path = route.url.replace(/:(\w+)/g, '{$1}');
  return doc.paths[path]?.[route.method.toLowerCase()] ?? {};
}

/** Path parameter values: ids of records in the fuzz world (low numbers), missing ones, and hostile ones. */
function pathValue(avoidLowIds: readonly number[] | null): fc.Arbitrary<unknown> {
  const id = avoidLowIds
    ? fc.oneof(
        fc.constantFrom(...avoidLowIds),
        hostileId.filter((v) => !(typeof v === 'number' && v > 0 && v <= 60)),
      )
    : hostileId;
  return fc.oneof(
    { arbitrary: id, weight: 8 },
    { arbitrary: fc.constantFrom('%00', '..%2F..%2Fetc', '１', '1.5', '1e3', ' 1', 'a'.repeat(5000)), weight: 1 },
  );
}

/** A body that is not the JSON the route expects at all. */
const malformedBody: fc.Arbitrary<{ contentType: string | null; payload: string | null }> = fc.oneof(
  fc
    .constantFrom('{', '', 'null', '[]', '"text"', '{"a":1}{', '\uFEFF{}', '{"a":"\\ud800"}', 'NaN', '1e309')
    .map((payload) => ({ contentType: 'application/json', payload })),
  deepNesting.map((raw) => ({ contentType: 'application/json', payload: raw.text })),
  hugeString.map((s) => ({ contentType: 'application/json', payload: JSON.stringify({ value: s }) })),
  fc
    .constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=gb18030',
      'application/xml',
    )
    .map((contentType) => ({ contentType, payload: 'a=1&b=%FF' })),
  fc.constant({ contentType: 'application/json', payload: null }),
);

/**
 * Requests for one route. Mostly well-formed-ish (valid shape, hostile leaves), so they reach the
 * services; sometimes malformed through and through.
 */
export function requestsFor(
  route: RouteInfo,
  op: OpenApiOperation,
  opts: { usersRoute: readonly number[] | null },
): fc.Arbitrary<FuzzRequest> {
  const pathNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const pathArb = fc.tuple(...pathNames.map(() => pathValue(opts.usersRoute)));
  const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
  const querySchema: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])),
    required: queryParams.filter((p) => p.required).map((p) => p.name),
  };
  const queryArb = queryParams.length
    ? fromSchema(querySchema)
    : fc.option(fc.dictionary(fc.constantFrom('id', 'page', 'q', 'year'), wrongValue, { maxKeys: 2 }), {
        nil: undefined,
        freq: 4,
      });
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const jsonBody = bodySchema ? fromSchema(bodySchema) : fc.oneof(fc.constant(undefined), wrongValue);
  const bodyArb = fc.oneof(
    {
      arbitrary: jsonBody.map((b) =>
        b === undefined
          ? { contentType: null, payload: null }
          : { contentType: 'application/json', payload: toJsonText(b) },
      ),
      weight: route.method === 'GET' ? 0 : 6,
    },
    { arbitrary: malformedBody, weight: route.method === 'GET' ? 0 : 1 },
    { arbitrary: fc.constant({ contentType: null, payload: null }), weight: route.method === 'GET' ? 1 : 0 },
  );
  return fc.tuple(pathArb, queryArb, bodyArb).map(([pathValues, query, body]) => {
    let url = route.url;
    pathNames.forEach((name, i) => (url = url.replace(`:${name}`, encodeLoosely(toUrlText(pathValues[i])))));
    const qs = queryString(query);
    return { method: route.method, url: qs ? `${url}?${qs}` : url, ...body };
  });
}

function queryString(query: unknown): string {
  if (query === null || typeof query !== 'object' || query instanceof RawJson || Array.isArray(query))
    return query === undefined ? '' : `q=${encodeLoosely(toUrlText(query))}`;
  return Object.entries(query)
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as const) : [[k, v] as const]))
    .map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(toUrlText(v))}`)
    .join('&');
}
