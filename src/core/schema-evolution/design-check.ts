/**
 * Design-time check of a form: the document rules (schema, unique ids, references inside the
 * form) plus what needs the other forms or the formula engine: formulas that do not compile or
 * form a cycle, relations to a missing form, lookups of a missing field. Nothing is saved
 * until this returns no issue.
 */
import type { FieldDef, FormDef } from '../schema/types'
import type { ValidationIssue } from '../validation/issue'
import type { FormRef } from '../formula/types'
import { patternRule } from '../fields/text.field'
import { checkFormula } from '../formula/checker'
import { buildFormulaGraph } from '../formula/graph'
import { validateDocument } from '../validation/validate-document'
import { labelText } from '../utils/label'
import { patternRefusalText } from '../utils/safe-pattern'
import { checkPipelines } from '../stages/pipeline-check'

/** The app's forms, for relations, lookups and `{form.field}` formula references. */
export interface DesignContext {
  forms: readonly FormDef[]
}

function named(field: FieldDef): { zh: string, en: string } {
  return { zh: labelText(field.label, 'zh-CN') || field.id, en: labelText(field.label, 'en') || field.id }
}

function issue(path: string, code: ValidationIssue['code'], params: Record<string, unknown>, zh: string, en: string): ValidationIssue {
  return { path, code, params, message: { 'zh-CN': zh, 'en': en } }
}

function formRefs(form: FormDef, ctx: DesignContext): FormRef[] {
  return [form, ...ctx.forms.filter(f => f.id !== form.id)].map(f => ({ id: f.id, name: f.name, fields: f.fields }))
}

function checkFieldRefs(form: FormDef, field: FieldDef, path: string, ctx: DesignContext, forms: readonly FormRef[], scope: readonly FieldDef[]): ValidationIssue[] {
  const n = named(field)
  const all = [form, ...ctx.forms.filter(f => f.id !== form.id)]
  switch (field.type) {
    case 'formula': {
      const errors = checkFormula(field.options.expression, { fields: scope, forms, selfId: field.id }).errors.filter(e => e.severity === 'error')
      return errors.slice(0, 1).map(e => issue(`${path}/options/expression`, 'invalid', { code: e.code, start: e.start, end: e.end },
        `字段「${n.zh}」的公式有误：${e.messages['zh-CN']}`, `formula of "${n.en}": ${e.messages.en}`))
    }
    case 'relation':
      return all.some(f => f.id === field.options.formId)
        ? []
        : [issue(`${path}/options/formId`, 'danglingReference', { id: field.options.formId }, `字段「${n.zh}」关联的表单不存在`, `the form linked by "${n.en}" does not exist`)]
    case 'lookup': case 'rollup': {
      const rel = scope.find(f => f.id === field.options.relationField)
      if (rel?.type !== 'relation' || field.options.targetField === undefined) return []
      const target = all.find(f => f.id === rel.options.formId)
      if (!target || target.fields.some(f => f.id === field.options.targetField)) return []
      return [issue(`${path}/options/targetField`, 'danglingReference', { id: field.options.targetField }, `字段「${n.zh}」引用的目标字段不存在`, `the target field of "${n.en}" does not exist`)]
    }
    case 'text': {
      // A pattern that does not compile is the document check's; one that could hang is refused here.
      const rule = patternRule(field)
      if (rule === undefined || rule.verdict.ok || rule.verdict.reason === 'invalid') return []
      const why = patternRefusalText(rule.pattern, rule.verdict.reason)
      return [issue(`${path}/options/pattern`, 'invalidPattern', { pattern: rule.pattern, reason: rule.verdict.reason, at: rule.verdict.at },
        `字段「${n.zh}」：${why['zh-CN']}`, `field "${n.en}": ${why.en}`)]
    }
    case 'stage':
      return checkPipelines(field, scope).map(p => issue(`${path}/options/pipelines`, 'invalid', { code: p.code, pipeline: p.pipeline },
        `字段「${n.zh}」：${p.message['zh-CN']}`, `field "${n.en}": ${p.message.en}`))
    default: return []
  }
}

/** Every issue of a designed form; [] when it may be saved. */
export function checkFormDesign(form: unknown, ctx: DesignContext): ValidationIssue[] {
  const doc = validateDocument('form', form)
  if (!doc.ok) return doc.issues
  const f = doc.value
  const forms = formRefs(f, ctx)
  const out: ValidationIssue[] = []
  f.fields.forEach((field, i) => {
    out.push(...checkFieldRefs(f, field, `/fields/${i}`, ctx, forms, f.fields))
    if (field.type === 'subform') field.options.fields.forEach((c, j) => out.push(...checkFieldRefs(f, c, `/fields/${i}/options/fields/${j}`, ctx, forms, field.options.fields)))
    if (field.default?.kind === 'formula') {
      const err = checkFormula(field.default.expression, { fields: f.fields, forms }).errors.find(e => e.severity === 'error')
      const n = named(field)
      if (err) out.push(issue(`/fields/${i}/default/expression`, 'invalid', { code: err.code }, `字段「${n.zh}」的默认值公式有误：${err.messages['zh-CN']}`, `default formula of "${n.en}": ${err.messages.en}`))
    }
  })
  const graph = buildFormulaGraph(f.fields, forms)
  if (!graph.ok) {
    const i = f.fields.findIndex(x => x.id === graph.error.fieldIds[0])
    out.push(issue(`/fields/${i}/options/expression`, 'invalid', { code: 'CYCLE', fields: graph.error.fieldIds }, graph.error.messages['zh-CN'], graph.error.messages.en))
  }
  return out
}
