/** Checks a customised stage field before it is saved, with messages naming the stage. */
import type { FieldDef, FieldOf, Locale, StageOption } from '../schema/types'
import { labelText } from '../utils/label'

/** One problem of a stage definition. */
export interface StageProblem {
  stageId: string
  code: 'emptyLabel' | 'duplicateLabel' | 'unknownGateField'
  message: { 'zh-CN': string, 'en': string }
}

function name(s: StageOption, locale: Locale, index: number): string {
  return labelText(s.label, locale).trim() || (locale === 'zh-CN' ? `第 ${index + 1} 个阶段` : `stage #${index + 1}`)
}

/**
 * Problems of `field`'s stages among the form's `fields`: a stage needs a name, names must
 * differ (per language, ignoring case and spaces) and gate fields must exist in the form.
 */
export function checkStageField(field: FieldOf<'stage'>, fields: readonly FieldDef[]): StageProblem[] {
  const problems: StageProblem[] = []
  const known = new Set(fields.map(f => f.id))
  const seen = { 'zh-CN': new Map<string, number>(), 'en': new Map<string, number>() }
  field.options.stages.forEach((s, i) => {
    const zh = labelText(s.label, 'zh-CN').trim()
    const en = labelText(s.label, 'en').trim()
    if (!zh && !en) {
      problems.push({ stageId: s.id, code: 'emptyLabel', message: { 'zh-CN': `第 ${i + 1} 个阶段没有名称`, 'en': `Stage #${i + 1} has no name` } })
      return
    }
    for (const locale of ['zh-CN', 'en'] as const) {
      const key = labelText(s.label, locale).trim().toLowerCase().replace(/\s+/g, ' ')
      if (!key) continue
      const first = seen[locale].get(key)
      if (first !== undefined) {
        problems.push({ stageId: s.id, code: 'duplicateLabel', message: { 'zh-CN': `阶段「${name(s, 'zh-CN', i)}」与第 ${first + 1} 个阶段重名`, 'en': `Stage "${name(s, 'en', i)}" has the same name as stage #${first + 1}` } })
        break
      }
      seen[locale].set(key, i)
    }
    for (const g of s.gate ?? []) {
      if (known.has(g)) continue
      problems.push({ stageId: s.id, code: 'unknownGateField', message: { 'zh-CN': `阶段「${name(s, 'zh-CN', i)}」的进入条件引用了不存在的字段 ${g}`, 'en': `Stage "${name(s, 'en', i)}" requires a field that no longer exists (${g})` } })
    }
  })
  return problems
}
