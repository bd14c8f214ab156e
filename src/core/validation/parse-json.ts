/**
 * parseJsonDocument: text in (a file, a paste), a valid current document out. Malformed JSON
 * is reported with line and column; older documents are migrated forward first.
 */
import type { DocumentKind, DocumentTypes } from './kinds'
import type { ValidationIssue } from './issue'
import { migrateDocument } from '../migrations/migrate'
import { validateDocument } from './validate-document'

/** The result of parsing a document: the value (and the version it was migrated from), or the issues. */
export type ParseDocumentResult<T>
  = | { ok: true, value: T, migratedFrom?: number }
    | { ok: false, issues: ValidationIssue[] }

/** Parses JSON text as a document of `kind`, migrating and validating it. */
export function parseJsonDocument<K extends DocumentKind>(kind: K, text: string): ParseDocumentResult<DocumentTypes[K]> {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  }
  catch (err) {
    return { ok: false, issues: [jsonIssue(text, err)] }
  }
  const migrated = migrateDocument(kind, doc)
  if (!migrated.ok) return { ok: false, issues: [migrated.issue] }
  const result = validateDocument(kind, migrated.value)
  if (!result.ok) return result
  return migrated.from === migrated.to ? { ok: true, value: result.value } : { ok: true, value: result.value, migratedFrom: migrated.from }
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number, column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
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
