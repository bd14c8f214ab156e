/**
 * compileRecordValidator: a form definition compiles (once per form id + updatedAt and mode)
 * into a checker of record values (value-schema-check: no generated code, so it runs under the
 * app's CSP) whose errors name fields by label.
 */
import type { ErrorObject } from 'ajv/dist/2020'
import type { ValueSchemaCheck } from './value-schema-check'
import type { FieldDef, FormDef } from '../../schema/types'
import type { LocalizedMessage } from '../issue'
import type { RecordIssue, RecordIssueCode, RecordValidator } from './record-issue'
import { behaviourOf } from '../../fields/registry'
import { labelText } from '../../utils/label'
import { pointerSegments } from '../describe-place'
import { FORBIDDEN_KEYS } from '../forbidden-keys'
import { checkMembers } from './member-check'
import { buildRecordSchema } from './record-schema'
import { compileValueSchema } from './value-schema-check'
import { codeOf, whatOf } from './record-messages'

const CACHE_LIMIT = 64
const cache = new Map<string, ValueSchemaCheck>()

/**
 * The validator of `form`'s record values. Compiled schemas are cached per form id and
 * `updatedAt` (so a changed form must bump `updatedAt`), least recently used dropped first.
 */
export function compileRecordValidator(form: FormDef): RecordValidator {
  // The last compiled function per mode (partial x computed), reused while the form's updatedAt
  // is the same and the shared cache still holds it: an import validates every row, and
  // building the cache key per call showed in its profile.
  const last: ({ key: string, updatedAt: unknown, validate: ValueSchemaCheck } | undefined)[] = []
  return (values, opts = {}) => {
    const partial = opts.partial ?? false
    const computed = opts.computed ?? 'reject'
    const mode = (partial ? 2 : 0) + (computed === 'ignore' ? 1 : 0)
    let mine = last[mode]
    if (!mine || mine.updatedAt !== form.updatedAt || cache.get(mine.key) !== mine.validate) {
      const key = `${form.id}@${form.updatedAt}@${partial ? 'p' : 'f'}@${computed}`
      mine = { key, updatedAt: form.updatedAt, validate: compiled(form, key, partial, computed) }
      last[mode] = mine
    }
    const errors = mine.validate(values)
    if (errors.length === 0) return checkMembers(form, values, opts.memberIds, issue)
    return [...toIssues(form, errors), ...checkMembers(form, values, opts.memberIds, issue)]
  }
}

function compiled(form: FormDef, key: string, partial: boolean, computed: 'reject' | 'ignore'): ValueSchemaCheck {
  const hit = cache.get(key)
  if (hit) {
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const validate = compileValueSchema(buildRecordSchema(form, { partial, computed }))
  cache.set(key, validate)
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  return validate
}

function toIssues(form: FormDef, errors: readonly ErrorObject[]): RecordIssue[] {
  const issues = new Map<string, RecordIssue>()
  const fields = new Map(form.fields.map(f => [f.id, f]))
  for (const e of errors) {
    if (e.keyword === 'if') continue
    const p = e.params as { missingProperty?: unknown, additionalProperty?: unknown }
    const unknown = e.keyword === 'additionalProperties' ? String(p.additionalProperty) : undefined
    const tail = e.keyword === 'required' ? [String(p.missingProperty)] : unknown === undefined ? [] : [unknown]
    const path = [...pointerSegments(e.instancePath), ...tail]
    const fieldId = path[0] ?? ''
    const top = fields.get(fieldId)
    const row = top?.type === 'subform' && path[1] !== undefined ? Number(path[1]) : undefined
    const sub = row === undefined || top?.type !== 'subform' ? undefined : top.options.fields.find(f => f.id === path[2])
    const key = `${fieldId}|${row ?? ''}|${path[2] ?? ''}`
    if (issues.has(key)) continue
    const target = row === undefined ? top : sub
    let code: RecordIssueCode
    if (unknown !== undefined) code = FORBIDDEN_KEYS.has(unknown) ? 'forbiddenKey' : 'unknownField'
    else code = target ? codeOf(e, target, behaviourOf(target).computed) : 'invalid'
    const what = whatOf(code, e, target ?? top ?? PLACEHOLDER)
    issues.set(key, issue(top, fieldId, code, what, row === undefined ? undefined : { row, sub, subKey: path[2] }))
  }
  return [...issues.values()]
}

const PLACEHOLDER: FieldDef = { id: '', label: '', type: 'text' }

/** Builds a RecordIssue whose message starts with the field's label (and row, for subforms). */
export function issue(field: FieldDef | undefined, fieldId: string, code: RecordIssueCode, what: LocalizedMessage, inRow?: { row: number, sub?: FieldDef, subKey?: string }): RecordIssue {
  const name = (locale: 'zh-CN' | 'en') => {
    const base = field ? labelText(field.label, locale) || field.id : fieldId
    if (!inRow) return base
    const sub = inRow.sub ? labelText(inRow.sub.label, locale) || inRow.sub.id : inRow.subKey
    const row = locale === 'zh-CN' ? `第 ${inRow.row + 1} 行` : `row ${inRow.row + 1}`
    return sub === undefined ? `${base} ${row}` : `${base} ${row} › ${sub}`
  }
  return {
    fieldId,
    label: field?.label ?? '',
    code,
    message: { 'zh-CN': `${name('zh-CN')}：${what['zh-CN']}`, 'en': `${name('en')}: ${what.en}` },
    ...(inRow ? { row: inRow.row, ...(inRow.sub || inRow.subKey ? { subFieldId: inRow.sub?.id ?? inRow.subKey } : {}) } : {}),
  }
}
