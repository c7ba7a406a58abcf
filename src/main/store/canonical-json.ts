/**
 * JSON with object keys sorted at every level, so equal values hash equally: the text of
 * `JSON.stringify` with each object's own enumerable keys in code-unit order and its `undefined`
 * members left out (an `undefined` array element, like JSON's, is `null`). It hashes every audit
 * entry of every sale, so it walks the value once with plain loops rather than building arrays of
 * entries and strings to sort and join (issue 12).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ','
      // A hole stays empty, as `map` and `join` left it.
      if (i in value) out += canonicalJson(value[i])
    }
    return `${out}]`
  }
  const object = value as Record<string, unknown>
  // Default sort order is UTF-16 code-unit order, the same as comparing keys with `<`.
  const keys = Object.keys(object).sort()
  let out = '{'
  let first = true
  for (const key of keys) {
    const inner = object[key]
    if (inner === undefined) continue
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(inner)}`
    first = false
  }
  return `${out}}`
}
