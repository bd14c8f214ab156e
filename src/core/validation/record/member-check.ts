import type { FieldDef, FormDef } from '../../schema/types'
import type { LocalizedMessage } from '../issue'
import type { RecordIssue, RecordIssueCode } from './record-issue'
import { whatOf } from './record-messages'

type MakeIssue = (field: FieldDef, fieldId: string, code: RecordIssueCode, what: LocalizedMessage) => RecordIssue

/** Member values that name no workspace member (only when the member ids are known). */
export function checkMembers(form: FormDef, values: unknown, memberIds: readonly string[] | undefined, issue: MakeIssue): RecordIssue[] {
  if (memberIds === undefined || values === null || typeof values !== 'object') return []
  const known = new Set(memberIds)
  const out: RecordIssue[] = []
  for (const field of form.fields) {
    if (field.type !== 'member') continue
    const v = (values as Record<string, unknown>)[field.id]
    const ids = Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : []
    const bad = ids.find(id => typeof id === 'string' && !known.has(id))
    if (bad !== undefined) {
      out.push(issue(field, field.id, 'member', whatOf('member', { data: bad } as Parameters<typeof whatOf>[1] & object, field)))
    }
  }
  return out
}
