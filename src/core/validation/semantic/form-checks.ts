/** Checks of a form that JSON Schema cannot express: unique ids and references that resolve. */
import type { FieldDef, FormDef } from '../../schema/types'
import type { IssueSink } from '../compose'
import { report } from '../compose'
import { describePlace } from '../describe-place'
import { holdsNoValue } from '../../fields/registry'
import { isValidPattern } from '../../fields/text.field'
import { checkOptions } from './option-checks'
import { checkFilterRefs, dangling, wrongType } from './refs'
import { checkScore } from './score-checks'
import { walkFields } from './walk'

/** Runs every form check; `at` is the form's pointer inside the root document. */
export function checkForm(sink: IssueSink, form: FormDef, at = ''): void {
  checkFieldIds(sink, form, at)
  const top = new Map(form.fields.map(f => [f.id, f]))
  if (form.titleField !== undefined) {
    const t = top.get(form.titleField)
    if (!t || holdsNoValue(t)) dangling(sink, `${at}/titleField`, form.titleField, '标题字段', 'title field')
  }
  walkFields(form.fields, `${at}/fields`, (field, path, siblings) => {
    const scope = new Map([...top, ...siblings.map(f => [f.id, f] as const)])
    checkField(sink, field, path, scope)
    if (field.type === 'score') checkScore(sink, form, field, path, top)
  })
  form.rules?.forEach((rule, i) => {
    checkFilterRefs(sink, rule.when, `${at}/rules/${i}/when`, top)
    for (const key of ['field', 'otherField'] as const) {
      const id = rule.compare?.[key]
      if (id !== undefined && !top.has(id)) dangling(sink, `${at}/rules/${i}/compare/${key}`, id, '比较字段', 'compared field')
    }
  })
}

function checkField(sink: IssueSink, field: FieldDef, path: string, scope: ReadonlyMap<string, FieldDef>): void {
  checkFilterRefs(sink, field.visibleWhen, `${path}/visibleWhen`, scope)
  checkOptions(sink, field, path, scope)
  switch (field.type) {
    case 'lookup': case 'rollup': {
      const rel = scope.get(field.options.relationField)
      if (!rel) dangling(sink, `${path}/options/relationField`, field.options.relationField, '关联字段', 'relation field')
      else if (rel.type !== 'relation') wrongType(sink, `${path}/options/relationField`, rel, 'relation')
      break
    }
    case 'text':
      if (field.options?.format === 'regex' && (field.options.pattern === undefined || !isValidPattern(field.options.pattern))) {
        report(sink, `${path}/options/pattern`, 'invalidPattern', { pattern: field.options.pattern }, {
          'zh-CN': `正则表达式「${field.options.pattern ?? ''}」无效或缺失`,
          'en': `the regular expression "${field.options.pattern ?? ''}" is missing or invalid`,
        }, path)
      }
      break
    case 'number': case 'money': case 'percent': {
      const o = field.options
      if (o?.min !== undefined && o.max !== undefined && o.min > o.max) {
        report(sink, `${path}/options/min`, 'minGreaterThanMax', { min: o.min, max: o.max }, {
          'zh-CN': `最小值 ${o.min} 大于最大值 ${o.max}`,
          'en': `the minimum ${o.min} is greater than the maximum ${o.max}`,
        }, path)
      }
      break
    }
    default: break
  }
}

function checkFieldIds(sink: IssueSink, form: FormDef, at: string): void {
  const seen = new Map<string, string>()
  const visit = (field: FieldDef, path: string) => {
    const first = seen.get(field.id)
    if (first === undefined) {
      seen.set(field.id, path)
      return
    }
    const other = describePlace(sink.doc, sink.kind, first)
    report(sink, `${path}/id`, 'duplicateId', { id: field.id, first }, {
      'zh-CN': `字段 id「${field.id}」重复（已用于 ${other['zh-CN']}）`,
      'en': `duplicate field id "${field.id}" (already used by ${other.en})`,
    }, path)
  }
  walkFields(form.fields, `${at}/fields`, visit)
  form.trash?.forEach((t, i) => visit(t.field, `${at}/trash/${i}/field`))
}
