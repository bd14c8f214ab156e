/** Resolving a widget's form and field references, collecting what is missing instead of throwing. */
import type { FieldDef, FieldOf, FieldType, FormDef, Label, Locale } from '../schema/types'
import { labelText } from '../utils/label'
import type { DashboardContext } from './context'
import type { ConfigProblem } from './result-types'
import { unknownPipeline } from '../stages/pipelines'

/** System columns a widget may group or filter by, besides fields. */
const SYSTEM_COLUMNS = new Set(['_id', '_createdAt', '_updatedAt', '_createdBy', '_updatedBy'])

/** Collects problems while a compute function resolves its references. */
export class Resolver {
  readonly problems: ConfigProblem[] = []
  constructor(private readonly ctx: DashboardContext) {}

  /** The form `id`, or a problem under `key`. */
  form(id: string | undefined, key = 'formId'): FormDef | undefined {
    if (id === undefined || id === '') {
      this.problems.push({ key, reason: 'missing' })
      return undefined
    }
    const form = this.ctx.forms.find(f => f.id === id)
    if (!form) this.problems.push({ key, reason: 'deletedForm', id })
    return form
  }

  /** A field of `form` (any type unless `types` is given), or a problem under `key`. */
  field(form: FormDef | undefined, id: string | undefined, key: string, types?: readonly FieldType[]): FieldDef | undefined {
    if (!form) return undefined
    if (id === undefined || id === '') {
      this.problems.push({ key, reason: 'missing' })
      return undefined
    }
    const field = form.fields.find(f => f.id === id)
    if (!field) {
      const gone = deletedFieldLabel(form, id)
      this.problems.push({ key, reason: 'deletedField', id, ...(gone === undefined ? {} : { detail: perLocale(gone) }) })
      return undefined
    }
    if (types && !types.includes(field.type)) {
      this.problems.push({ key, reason: 'wrongFieldType', id, expected: [...types] })
      return undefined
    }
    return field
  }

  /** A field or a system column id (for dimensions); undefined with a problem when unknown. */
  column(form: FormDef | undefined, id: string | undefined, key: string): string | undefined {
    if (form && id !== undefined && SYSTEM_COLUMNS.has(id)) return id
    return this.field(form, id, key)?.id
  }

  /** The stage field `id` of `form`; a `pipeline` it has no set for is a problem under 'pipeline'. */
  stage(form: FormDef | undefined, id: string | undefined, key = 'stageField', pipeline?: string): FieldOf<'stage'> | undefined {
    const f = this.field(form, id, key, ['stage'])
    if (f?.type !== 'stage') return undefined
    if (unknownPipeline(f, pipeline)) this.problems.push({ key: 'pipeline', reason: 'invalid', id: pipeline })
    return f
  }

  /** An open stage of `field` (by id), or a `deletedStage` problem under `key` naming it when the field still knows it. */
  openStage(field: FieldOf<'stage'>, id: string, key = 'stage'): string | undefined {
    const { stages, removedStages = [] } = field.options
    const known = stages.find(s => s.id === id)
    if (known?.kind === 'open') return id
    const label = (known ?? removedStages.find(s => s.id === id))?.label
    this.problems.push({ key, reason: 'deletedStage', id, ...(label === undefined ? {} : { detail: perLocale(label) }) })
    return undefined
  }

  get ok(): boolean {
    return this.problems.length === 0
  }
}

/** The label a deleted field had: from the form's restorable fields, else its schema history. */
function deletedFieldLabel(form: FormDef, id: string): Label | undefined {
  const trashed = form.trash?.find(t => t.field.id === id)
  if (trashed) return trashed.field.label
  return form.history?.findLast(h => h.fieldId === id && h.label !== undefined)?.label
}

function perLocale(label: Label): Record<Locale, string> {
  return { 'zh-CN': labelText(label, 'zh-CN'), 'en': labelText(label, 'en') }
}
