import type { DocumentKind, DocumentTypes } from './kinds'
import type { ValidationResult } from './issue'
import type { IssueSink } from './compose'
import { documentValidator } from './document-validators'
import { reportAjvErrors } from './ajv-errors'
import { report } from './compose'
import { reportForbiddenKeys } from './forbidden-keys'
import { checkSemantics } from './semantic'

/**
 * Validates a document of `kind` against its JSON Schema, then the rules a schema cannot
 * express (unique ids, references that resolve, stage outcomes, forbidden keys). Older
 * documents are not migrated here: see migrateDocument / parseJsonDocument.
 */
export function validateDocument<K extends DocumentKind>(kind: K, doc: unknown): ValidationResult<DocumentTypes[K]> {
  const sink: IssueSink = { doc, kind, issues: [] }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    report(sink, '', 'notObject', {}, { 'zh-CN': '应为 JSON 对象', 'en': 'must be a JSON object' })
    return { ok: false, issues: sink.issues }
  }
  reportForbiddenKeys(sink, doc)
  const validate = documentValidator(kind)
  if (!validate(doc)) reportAjvErrors(sink, validate.errors ?? [])
  else if (sink.issues.length === 0) checkSemantics(sink, kind, doc as DocumentTypes[K])
  return sink.issues.length === 0 ? { ok: true, value: doc as DocumentTypes[K] } : { ok: false, issues: sink.issues }
}
