import fc from 'fast-check';

/**
 * Values people and programs send that code tends not to expect: unicode edge cases, numbers at
 * and beyond the limits of JSON and of the database's integers, strings that look like numbers,
 * huge and deeply nested payloads.
 */

/** Unicode edge cases, each a short string. */
export const UNICODE_EDGES = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\u200D', // zero-width joiner
  '\u200B', // zero-width space
  '\u200E', // left-to-right mark
  '\u200F', // right-to-left mark
  '\u202E', // right-to-left override
  '\u0000', // NUL
  'e\u0301\u0301\u0301', // stacked combining marks
  '\uFF11\uFF12\uFF13', // full-width digits １２３
  '\uFF08\uFF11\uFF09', // full-width （１）
  '👨‍👩‍👧‍👦', // emoji joined by ZWJ
  '🇨🇳',
  '\uFEFF', // BOM inside a value
  '\r',
  '\u2028', // line separator
  '\u3000', // ideographic space
  '𠀀', // a CJK character outside the BMP
  '〔2024〕',
  '\uFFFD',
  '\uFFFF',
  '\t',
] as const;

export const unicodeEdge = fc.constantFrom(...UNICODE_EDGES);

/** A string mixing ordinary Chinese text, unicode edges and any UTF-16 code unit (lone surrogates included). */
export const edgyString = fc
  .array(
    fc.oneof(
      unicodeEdge,
      fc.constantFrom('区发改局', '新增', '12月', '(1)', '1.', '、', '，'),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** Raw JSON text written as it is into a body (numbers JSON.stringify cannot write, deep nesting). */
export class RawJson {
  constructor(readonly text: string) {}
}

export const NUMBER_LITERALS = [
  '-0',
  '1e309',
  '-1e309',
  '1e-400',
  '123456789012345678901234567890',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '4294967296',
  '0.5',
  '1.0000000000000002',
] as const;

export const numberLiteral = fc.constantFrom(...NUMBER_LITERALS).map((t) => new RawJson(t));

/** Strings a number parser may or may not accept. */
export const numberishString = fc.constantFrom(
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '0x10',
  '1e3',
  '１２',
  ' 12 ',
  '12abc',
  '',
  '0',
  '-1',
  '2147483648',
  '99999999999999999999',
  'null',
  'true',
  '[]',
  '{}',
);

/** Ids: existing ones, ones that do not exist, and ones the database cannot hold. */
export const hostileId = fc.oneof(
  fc.constantFrom(0, -1, -2147483648, 2147483647, 2147483648, 4294967296, Number.MAX_SAFE_INTEGER),
  fc.integer({ min: 1, max: 60 }),
  numberLiteral,
  numberishString,
);

/** Big values: under and over the 1 MB body limit. */
const big = (n: number) => 'å'.repeat(n);
export const hugeString = fc.constantFrom(big(10_000), big(200_000), 'x'.repeat(1024 * 1024 + 10));

/** Deep nesting: as raw JSON so it reaches the parser untouched. */
export const deepNesting = fc
  .constantFrom(100, 5_000, 100_000)
  .chain((depth) =>
    fc.constantFrom(
      new RawJson('['.repeat(depth) + ']'.repeat(depth)),
      new RawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
    ),
  );

/** Prototype-pollution shaped objects. */
export const protoObject = fc.constantFrom(
  new RawJson('{"__proto__":{"isAdmin":true}}'),
  new RawJson('{"constructor":{"prototype":{"isAdmin":true}}}'),
);

/** Any JSON value of the wrong kind for wherever it lands. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  numberLiteral,
  fc.double(),
  fc.integer(),
  numberishString,
  edgyString,
  fc.constant([]),
  fc.constant({}),
  fc.array(edgyString, { maxLength: 3 }),
  fc.dictionary(edgyString, edgyString, { maxKeys: 3 }),
  protoObject,
);

/** JSON text of a value, writing RawJson parts verbatim and lone surrogates as \u escapes. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A query-string or path value as text (raw numbers as they are written). */
export function toUrlText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (typeof value === 'string') return value;
  return toJsonText(value);
}

/** encodeURIComponent that does not throw on lone surrogates (a client may still send those bytes). */
export function encodeLoosely(text: string): string {
  return text.replace(/[\s\S]/gu, (ch) => {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff)
      return `%ED%${(0xa0 + ((code >> 6) & 0x1f)).toString(16).toUpperCase()}%${(0x80 + (code & 0x3f)).toString(16).toUpperCase()}`;
    return encodeURIComponent(ch);
  });
}
