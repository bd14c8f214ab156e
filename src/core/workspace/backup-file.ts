import type { WorkspaceBackup } from '../schema/types'
import type { ValidationIssue } from '../validation'
import { parseJsonDocument } from '../validation'

export type BackupParse = { ok: true, value: WorkspaceBackup } | { ok: false, issues: ValidationIssue[] }

/** Parses a backup file's text: malformed JSON, schema violations and older versions are handled by the document pipeline. */
export function parseBackupFile(text: string): BackupParse {
  const parsed = parseJsonDocument('backup', text)
  return parsed.ok ? { ok: true, value: parsed.value } : parsed
}
