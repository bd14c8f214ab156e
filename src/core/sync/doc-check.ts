// Every document read from a replica is checked before anything of it is applied: it may have
// been written by another tool (or an older or newer FunnelGrid). A document that fails is
// skipped and reported; none is applied half-way.
import type { ChangeEntry, FormDef, RecordRow, StageEvent, WorkspaceSettings } from '../schema/types'
import type { DefinitionKinds } from '../storage/adapter'
import { labelText } from '../utils/label'
import { acceptJsonDocument } from '../validation/parse-json'
import { compileRecordValidator } from '../validation/record/record-validator'
import { KNOWN_SYNC_SCHEMA_VERSIONS, MAX_SYNC_FILE_BYTES, parseDocId, type FileAttachment, type ParsedDocId, type RecordBody } from './layout'

/** A document as a replica hands it out (anything may be in it). */
export interface RawDoc {
  _id: string
  _rev?: string
  _deleted?: boolean
  _conflicts?: string[]
  [key: string]: unknown
}

export type CheckedDoc
  = | { type: 'definition', kind: keyof DefinitionKinds, id: string, doc: DefinitionKinds[keyof DefinitionKinds] | null }
    | { type: 'settings', settings: WorkspaceSettings | null }
    | { type: 'record', formId: string, recordId: string, row: RecordRow | null, trashed: boolean }
    | { type: 'event', formId: string, event: StageEvent | null }
    | { type: 'change', formId: string, change: ChangeEntry | null }
    | { type: 'file', key: string, file: { mime: string, size: number, base64?: string } | null }
    | { type: 'design' }

export type CheckResult = { ok: true, doc: CheckedDoc } | { ok: false, reason: string }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const fail = (reason: string): CheckResult => ({ ok: false, reason })

function envelopeProblem(raw: RawDoc, parsed: Exclude<ParsedDocId, { type: 'design' }>): string | null {
  if (raw.type !== parsed.type) return `its type is ${JSON.stringify(raw.type)}, expected "${parsed.type}"`
  if (typeof raw.schemaVersion !== 'number' || !KNOWN_SYNC_SCHEMA_VERSIONS.includes(raw.schemaVersion)) {
    return `schemaVersion ${JSON.stringify(raw.schemaVersion)} is not one this version of FunnelGrid reads (${KNOWN_SYNC_SCHEMA_VERSIONS.join(', ')}); update FunnelGrid`
  }
  if (!isObject(raw.body)) return 'it has no body'
  return null
}

function checkRecord(formId: string, recordId: string, body: Record<string, unknown>, formOf: (formId: string) => FormDef | undefined): CheckResult {
  const form = formOf(formId)
  if (!form) return fail(`its form ${formId} is not in this workspace`)
  if (body.id !== recordId) return fail(`its body's id ${JSON.stringify(body.id)} does not match the document id`)
  if (!isObject(body.values) || !isTime(body.createdAt) || !isTime(body.updatedAt) || typeof body.rev !== 'number') {
    return fail('a record needs values, createdAt, updatedAt and rev')
  }
  const issues = compileRecordValidator(form)(body.values, { computed: 'ignore' })
  if (issues.length) return fail(`field ${issues.map(i => `"${labelText(i.label, 'en') || i.fieldId}": ${i.message.en}`).join('; ')}`)
  const { trashed, ...row } = body as unknown as RecordBody
  return { ok: true, doc: { type: 'record', formId, recordId, row: row as RecordRow, trashed: trashed === true } }
}

function checkEvent(formId: string, body: Record<string, unknown>): CheckResult {
  if (body.formId !== formId || !isText(body.id) || !isText(body.recordId) || !isText(body.fieldId) || !isText(body.to) || !isTime(body.at) || !(body.from === null || isText(body.from))) {
    return fail('a stage event needs id, formId, recordId, fieldId, from, to and at')
  }
  return { ok: true, doc: { type: 'event', formId, event: body as unknown as StageEvent } }
}

function checkChange(formId: string, body: Record<string, unknown>): CheckResult {
  const kinds = ['create', 'update', 'delete', 'restore']
  if (body.formId !== formId || !isText(body.id) || !isText(body.recordId) || !isTime(body.at) || !kinds.includes(body.kind as string)) {
    return fail('a change entry needs id, formId, recordId, at and a kind')
  }
  return { ok: true, doc: { type: 'change', formId, change: body as unknown as ChangeEntry } }
}

function checkFile(key: string, body: Record<string, unknown>, attachments: unknown): CheckResult {
  if (body.key !== key || typeof body.mime !== 'string' || typeof body.size !== 'number' || !Number.isInteger(body.size) || body.size < 0) {
    return fail('a file needs its key, mime and size')
  }
  if (body.size > MAX_SYNC_FILE_BYTES) return fail(`the file has ${body.size} bytes, more than the ${MAX_SYNC_FILE_BYTES} a file may have`)
  const content = isObject(attachments) ? attachments.content as FileAttachment | undefined : undefined
  if (!isObject(content) || typeof content.content_type !== 'string') return fail('the file has no content attachment')
  const length = content.stub ? content.length : typeof content.data === 'string' ? Math.floor((content.data.length * 3) / 4) - (content.data.endsWith('==') ? 2 : content.data.endsWith('=') ? 1 : 0) : undefined
  if (typeof length === 'number' && length !== body.size) return fail(`its content has ${length} bytes, the document says ${body.size}`)
  return { ok: true, doc: { type: 'file', key, file: { mime: body.mime, size: body.size, ...(typeof content.data === 'string' ? { base64: content.data } : {}) } } }
}

/**
 * Checks a document against the layout and the schemas. `formOf` gives the form a record must
 * fit (the newest definition known: the same batch's first).
 */
export function checkDoc(raw: RawDoc, formOf: (formId: string) => FormDef | undefined): CheckResult {
  const parsed = parseDocId(raw._id)
  if (!parsed) return fail('its id is not one FunnelGrid writes')
  if (parsed.type === 'design') return { ok: true, doc: { type: 'design' } }
  if (raw._deleted) {
    switch (parsed.type) {
      case 'definition': return { ok: true, doc: { type: 'definition', kind: parsed.kind, id: parsed.id, doc: null } }
      case 'settings': return { ok: true, doc: { type: 'settings', settings: null } }
      case 'record': return { ok: true, doc: { type: 'record', formId: parsed.formId, recordId: parsed.recordId, row: null, trashed: false } }
      case 'event': return { ok: true, doc: { type: 'event', formId: parsed.formId, event: null } }
      case 'change': return { ok: true, doc: { type: 'change', formId: parsed.formId, change: null } }
      case 'file': return { ok: true, doc: { type: 'file', key: parsed.key, file: null } }
    }
  }
  const problem = envelopeProblem(raw, parsed)
  if (problem) return fail(problem)
  const body = raw.body as Record<string, unknown>
  switch (parsed.type) {
    case 'definition': {
      if (body.id !== parsed.id) return fail(`its body's id ${JSON.stringify(body.id)} does not match the document id`)
      const result = acceptJsonDocument(parsed.kind, body, 'syncDocument')
      if (!result.ok) return fail(result.issues.map(i => `${i.path || '/'}: ${i.message.en}`).join('; '))
      return { ok: true, doc: { type: 'definition', kind: parsed.kind, id: parsed.id, doc: result.value } }
    }
    case 'settings': {
      const result = acceptJsonDocument('settings', body, 'syncDocument')
      if (!result.ok) return fail(result.issues.map(i => `${i.path || '/'}: ${i.message.en}`).join('; '))
      return { ok: true, doc: { type: 'settings', settings: result.value } }
    }
    case 'record': return checkRecord(parsed.formId, parsed.recordId, body, formOf)
    case 'event': return checkEvent(parsed.formId, body)
    case 'change': return checkChange(parsed.formId, body)
    case 'file': return checkFile(parsed.key, body, raw._attachments)
  }
}
