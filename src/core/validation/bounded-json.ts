/**
 * parseBoundedJson: JSON text of no document kind, parsed within its place's limits, with no
 * schema validation. Its own module so that what only reads bounded JSON (the stores' saved
 * views, journals and logs) does not bring the document validators (tens of KB of generated
 * code) into the home page's initial JS.
 */
import type { ValidationIssue } from './issue'
import type { JsonPlace } from './json-limits'
import { scanJsonText } from './json-limits'
import { lineColumn } from './line-column'

/** JSON text of no document kind (a link's filter, what the app keeps in localStorage), parsed only within the place's limits. */
export function parseBoundedJson(place: JsonPlace, text: string): { ok: true, value: unknown } | { ok: false, issue: ValidationIssue } {
  const bounded = scanJsonText(place, text)
  if (!bounded.ok) return bounded
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  }
  catch (err) {
    return { ok: false, issue: jsonIssue(text, err) }
  }
}

function jsonIssue(text: string, err: unknown): ValidationIssue {
  const detail = err instanceof Error ? err.message : String(err)
  const offset = errorOffset(text, detail)
  const { line, column } = lineColumn(text, offset)
  return {
    path: '',
    code: 'invalidJson',
    params: { line, column, offset, detail },
    message: {
      'zh-CN': `JSON 格式错误：第 ${line} 行第 ${column} 列（${detail}）`,
      'en': `Malformed JSON at line ${line}, column ${column} (${detail})`,
    },
  }
}

/** Where V8's JSON.parse says it failed: "at position N", "line L column C", or the end. */
function errorOffset(text: string, detail: string): number {
  const lc = /line (\d+) column (\d+)/.exec(detail)
  if (lc) {
    const lines = text.split('\n').slice(0, Number(lc[1]) - 1)
    return lines.reduce((n, l) => n + l.length + 1, 0) + Number(lc[2]) - 1
  }
  const pos = /position (\d+)/.exec(detail)
  if (pos) return Number(pos[1])
  return text.length
}
