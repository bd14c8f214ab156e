import type { FieldOf } from '../schema/types'
import type { StageDateColumn } from './backdate-events'
import { normalizeHeader } from './auto-map'
import { labelText } from '../utils/label'

const CLOSE = /close|closed|won|lost|成交|签约|关闭|结束|赢单|输单/i

/**
 * Guesses which date field holds the time a record entered each stage: a field whose label
 * contains the start of the stage name ("engage_date" for Engaging, "接洽日期" for 接洽), and
 * for won/lost stages a close-like field ("close_date", "成交日期").
 */
export function suggestStageDates(field: FieldOf<'stage'>, dateFields: readonly { id: string, label: string }[]): StageDateColumn[] {
  const out: StageDateColumn[] = []
  for (const stage of field.options.stages) {
    const names = [labelText(stage.label, 'zh-CN'), labelText(stage.label, 'en')].map(normalizeHeader).filter(n => n.length >= 2)
    const byName = dateFields.find(d => names.some(n => normalizeHeader(d.label).includes(n.slice(0, 5))))
    const byClose = stage.kind === 'open' ? undefined : dateFields.find(d => CLOSE.test(d.label))
    const hit = byName ?? byClose
    if (hit) out.push({ stage: stage.id, fieldId: hit.id })
  }
  return out
}
