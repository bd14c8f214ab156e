/**
 * parseJsonDocument: text in (a file, a paste), a valid current document out. Text deeper or
 * larger than its place allows is refused before it is parsed (json-limits.ts); malformed JSON
 * is reported with line and column; older documents are migrated forward first.
 */
import type { DocumentKind, DocumentTypes } from './kinds'
import type { ValidationIssue } from './issue'
import type { JsonPlace } from './json-limits'
import { migrateDocument } from '../migrations/migrate'
import { parseBoundedJson } from './bounded-json'
import { checkJsonValue, tooDeepIssue } from './json-limits'
import { lineColumn } from './line-column'
import { validateDocument } from './validate-document'

export { lineColumn, parseBoundedJson }

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
