/**
 * Shields user text on its way into ECharts.
 *
 * zrender (6.1, unfixed upstream as of 2025-12) caches text widths in an LRU whose map is a
 * plain object (`zrender/lib/core/LRU.js`, `_map = {}`), keyed by the text drawn. A label
 * named exactly `__proto__` makes `get` find `Object.prototype` there and link it into the
 * cache's list, adding `prev` / `next` to every object of the page; `constructor`, `toString`
 * and the other names `Object.prototype` carries do the same to those functions. So any
 * string that is such a name gets a WORD JOINER (U+2060) appended: zero width, no glyph,
 * no line break, so axis labels, legends, data labels and tooltips read and measure the
 * same, and the text is no longer a key `Object.prototype` has. Other strings are untouched.
 */

/** Appended to a hostile string: invisible and zero width (a default-ignorable code point). */
export const INERT_SUFFIX = '\u2060'

/** True when `s` names something every plain object inherits (`__proto__`, `constructor`, …). */
export function isInheritedKey(s: string): boolean {
  return s in Object.prototype
}

function shieldString(s: string): string {
  return isInheritedKey(s) ? s + INERT_SUFFIX : s
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v) as unknown
  return proto === Object.prototype || proto === null
}

function shield(v: unknown): unknown {
  if (typeof v === 'string') return shieldString(v)
  if (typeof v === 'function') {
    // Formatters return the text ECharts draws: shield what they return, keep `this`.
    const fn = v as (...args: unknown[]) => unknown
    return function (this: unknown, ...args: unknown[]) { return shield(fn.apply(this, args)) }
  }
  if (Array.isArray(v)) return v.map(shield)
  if (v !== null && typeof v === 'object' && isPlainObject(v)) {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) out[shieldString(k)] = shield(x)
    return out
  }
  return v
}

/**
 * A copy of an ECharts option in which every string (axis categories, series, legend and
 * data names, graphic text, keys such as `legend.selected` names) and every formatter's
 * result is safe to use as a plain-object key. Class instances (gradients, dates) are kept.
 */
export function shieldChartText<T>(option: T): T {
  return shield(option) as T
}
