/**
 * parseJsonDocument: text in (a file, a paste), a valid current document out. Text deeper or
 * larger than its place allows is refused before it is parsed (json-limits.ts); malformed JSON
 * is reported with line and column; older documents are migrated forward first.
 */
import type { DocumentKind, DocumentTypes } from './kinds'
import type { ValidationIssue } from './issue'
import type { JsonPlace } from './json-limits'
import { migrateDocument } from '../migrations/migrate'
import { checkJsonValue, scanJsonText, tooDeepIssue } from './json-limits'
import { lineColumn } from './line-column'
import { validateDocument } from './validate-document'

export { lineColumn }

/** The result of parsing a document: the value (and the version it was migrated from), or the issues. */
export type ParseDocumentResult<T>
  = | { ok: true, value: T, migratedFrom?: number }
    | { ok: false, issues: ValidationIssue[] }

/**
 * Parses JSON text as a document of `kind`, migrating and validating it. `place` picks the
 * limits and the words of a refusal (a form pasted in the designer is 'form', the same form
 * arriving from a sync server 'syncDocument').
 */
export function parseJsonDocument<K extends DocumentKind>(kind: K, text: string, place: JsonPlace = kind): ParseDocumentResult<DocumentTypes[K]> {
  const parsed = parseBoundedJson(place, text)
  return parsed.ok ? documentFrom(kind, parsed.value, place) : { ok: false, issues: [parsed.issue] }
}

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

/**
 * The same for a document that arrives as a value, not text (a structured clone, a synced
 * object): walked for depth and size first, then migrated and validated.
 */
export function acceptJsonDocument<K extends DocumentKind>(kind: K, value: unknown, place: JsonPlace = kind): ParseDocumentResult<DocumentTypes[K]> {
  const bounded = checkJsonValue(place, value)
  if (!bounded.ok) return { ok: false, issues: [bounded.issue] }
  return documentFrom(kind, value, place)
}

function documentFrom<K extends DocumentKind>(kind: K, doc: unknown, place: JsonPlace): ParseDocumentResult<DocumentTypes[K]> {
  try {
    const migrated = migrateDocument(kind, doc)
    if (!migrated.ok) return { ok: false, issues: [migrated.issue] }
    const result = validateDocument(kind, migrated.value)
    if (!result.ok) return result
    return migrated.from === migrated.to ? { ok: true, value: result.value } : { ok: true, value: result.value, migratedFrom: migrated.from }
  }
  catch (err) {
    // The limits above make this unreachable; should a later check recurse deeper than they
    // allow for, the user still gets a refusal naming the place rather than a crash.
    if (err instanceof RangeError) return { ok: false, issues: [tooDeepIssue(place)] }
    throw err
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
