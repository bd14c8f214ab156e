/**
 * Conversion between stored expressions (`{f_abc}`, references by id) and display
 * expressions (`{金额}`, references by label). Only reference tokens change; spacing
 * and everything else is kept as typed.
 */
import type { FieldDef, Label, Locale } from '../schema/types'
import { labelText } from '../utils/label'
import type { FormulaError } from './errors'
import { formulaError } from './errors'
import type { Token } from './lexer'
import { formatRef, tokenize } from './lexer'
import type { ResolveScope } from './resolve'
import { labelTexts, resolveRefPath } from './resolve'
import type { FormRef } from './types'

/** Options of the display conversions. */
export interface DisplayOptions {
  /** Locale of the labels shown. @default 'zh-CN' */
  locale?: Locale
  /** Other forms, for `{form.field}` references. */
  forms?: readonly FormRef[]
}

/** The result of toStoredExpression: the converted text, and one error per unresolved label. */
export interface StoredExpressionResult {
  expression: string
  errors: FormulaError[]
}

type RefToken = Extract<Token, { type: 'ref' }>

function rewriteRefs(expr: string, rewrite: (t: RefToken) => string | null): string {
  let out = ''
  let last = 0
  for (const t of tokenize(expr).tokens) {
    if (t.type !== 'ref') continue
    const text = rewrite(t)
    if (text === null) continue
    out += expr.slice(last, t.start) + text
    last = t.end
  }
  return out + expr.slice(last)
}

/** The label shown for an item; its id when the label is empty or shared with a sibling (so it converts back). */
function shownName(id: string, label: Label | undefined, siblings: readonly { id: string, label?: Label, name?: Label }[], locale: Locale): string {
  const text = labelText(label, locale).trim()
  if (!text) return id
  const clash = siblings.some(s => s.id !== id && labelTexts(s.label ?? s.name).includes(text))
  return clash ? id : text
}

/** `{f_abc} * 2` -> `{金额} * 2`. References that do not resolve are left as they are. */
export function toDisplayExpression(expr: string, fields: readonly FieldDef[], options: DisplayOptions = {}): string {
  const locale = options.locale ?? 'zh-CN'
  const scope: ResolveScope = { fields, forms: options.forms, labels: false }
  return rewriteRefs(expr, (t) => {
    const outcome = resolveRefPath(t.path, scope)
    if (!outcome.ok) return null
    const ref = outcome.ref
    switch (ref.kind) {
      case 'field': return formatRef([shownName(ref.fieldId, ref.field.label, fields, locale)])
      case 'column': {
        const sub = fields.find(f => f.id === ref.subformId) as Extract<FieldDef, { type: 'subform' }>
        return formatRef([shownName(sub.id, sub.label, fields, locale), shownName(ref.columnId, ref.column.label, sub.options.fields, locale)])
      }
      case 'foreign': {
        const forms = options.forms ?? []
        const form = forms.find(f => f.id === ref.formId)
        if (!form || !ref.field) return null
        return formatRef([shownName(form.id, form.name, forms, locale), shownName(ref.fieldId, ref.field.label, form.fields, locale)])
      }
      default: return null
    }
  })
}

/** `{金额} * 2` -> `{f_abc} * 2`; ids are accepted as they are. Unknown labels give errors with their span. */
export function toStoredExpression(displayExpr: string, fields: readonly FieldDef[], options: DisplayOptions = {}): StoredExpressionResult {
  const errors: FormulaError[] = []
  const scope: ResolveScope = { fields, forms: options.forms, labels: true }
  const expression = rewriteRefs(displayExpr, (t) => {
    if (displayExpr[t.end - 1] !== '}' || t.path.some(p => p === '')) return null
    const outcome = resolveRefPath(t.path, scope)
    if (!outcome.ok) {
      errors.push(formulaError(outcome.code, t.start, t.end, { name: outcome.name }))
      return null
    }
    const ref = outcome.ref
    switch (ref.kind) {
      case 'field': return formatRef([ref.fieldId])
      case 'column': return formatRef([ref.subformId, ref.columnId])
      case 'foreign': return formatRef([ref.formId, ref.fieldId])
      default: return null
    }
  })
  return { expression, errors }
}
