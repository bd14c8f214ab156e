import type { FieldDef, FieldType, StageOption } from '../schema/types'
import { labelText } from '../utils/label'

/** Field types offered for a column of "new form from a file". */
export const PROPOSAL_TYPES = ['text', 'textarea', 'number', 'money', 'percent', 'date', 'select', 'multiselect', 'checkbox', 'email', 'phone', 'url', 'stage'] as const
/** One of `PROPOSAL_TYPES`. */
export type ProposalType = typeof PROPOSAL_TYPES[number]

const WON = /won|win|成交|赢单|赢|签约|成功/i
const LOST = /lost|lose|输单|丢单|失败|流失|关闭/i
// Common funnel steps, earliest first, so stages proposed from a file come in funnel order.
const ORDER: RegExp[] = [/lead|线索/i, /prospect|潜在|初步|意向/i, /qualif|需求|资格|确认/i, /engag|接洽|跟进|沟通|拜访/i, /demo|演示|方案|propos|报价|quote/i, /negot|谈判|商务|合同/i]

function rank(label: string): number {
  const i = ORDER.findIndex(re => re.test(label))
  return i < 0 ? ORDER.length : i
}

/** The outcome stages added when a column names none (a stage field needs a won one; Pipedrive keeps won/lost in a status column). */
const WON_STAGE: StageOption = { id: 'won_added', label: { 'zh-CN': '赢单', 'en': 'Won' }, kind: 'won' }
const LOST_STAGE: StageOption = { id: 'lost_added', label: { 'zh-CN': '输单', 'en': 'Lost' }, kind: 'lost' }
const ADDED = new Set([WON_STAGE.id, LOST_STAGE.id])

/**
 * Stages for a stage field proposed from the distinct values of a column: won-like and
 * lost-like names become the outcomes, the rest open stages ordered by common funnel steps
 * (lead, prospecting, qualification, engaging, proposal, negotiation), unknown names after
 * them in file order. A field has one lost outcome: further lost-like names stay open stages.
 * Without a won-like (or lost-like) name, a 赢单 / Won (输单 / Lost) outcome is added, so the
 * field is valid and a history naming won or lost finds it.
 */
export function stagesFromValues(values: readonly string[]): StageOption[] {
  const won = values.filter(v => WON.test(v))
  const lost = values.filter(v => LOST.test(v) && !WON.test(v)).slice(0, 1)
  const open = values.filter(v => !won.includes(v) && !lost.includes(v))
  const sorted = open.map((v, i) => ({ v, i })).sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i).map(x => x.v)
  return withOutcomes([
    ...sorted.map((label, i) => ({ id: `stage_${i + 1}`, label, kind: 'open' as const })),
    ...won.map((label, i) => ({ id: `won_${i + 1}`, label, kind: 'won' as const })),
    ...lost.map((label, i) => ({ id: `lost_${i + 1}`, label, kind: 'lost' as const })),
  ])
}

/**
 * The proposed stages in the order a stage field keeps (open, then won, then lost), with the
 * 赢单 / 输单 outcome added where no stage of the file has that kind, and dropped again once
 * one has (the user marked a stage of the file won or lost).
 */
export function withOutcomes(stages: readonly StageOption[]): StageOption[] {
  const own = stages.filter(s => !ADDED.has(s.id))
  const has = (kind: StageOption['kind']) => own.some(s => s.kind === kind)
  const rank = { open: 0, won: 1, lost: 2 } as const
  const all = [...own, ...(has('won') ? [] : [WON_STAGE]), ...(has('lost') ? [] : [LOST_STAGE])]
  return all.map((s, i) => ({ s, i })).sort((a, b) => rank[a.s.kind] - rank[b.s.kind] || a.i - b.i).map(x => x.s)
}

/** The choice labels a proposed field already has (select, multiselect, stage), else none. */
export function choiceLabels(field: FieldDef): string[] {
  if (field.type === 'select' || field.type === 'multiselect') return field.options.choices.map(c => labelText(c.label, 'zh-CN'))
  if (field.type === 'stage') return field.options.stages.map(s => labelText(s.label, 'zh-CN'))
  return []
}

/** Distinct non-empty values of a column, at most `limit`, in file order. */
export function distinctValues(rows: readonly (readonly string[])[], col: number, limit = 200): string[] {
  const seen = new Set<string>()
  for (const row of rows) {
    const v = (row[col] ?? '').trim()
    if (v !== '') seen.add(v)
    if (seen.size >= limit) break
  }
  return [...seen]
}

/**
 * The proposed field with another type, keeping id and label. Choice types take the column's
 * distinct values (`values`) as their options; other types carry no options but the defaults.
 */
export function retypeField(field: FieldDef, type: ProposalType, values: readonly string[]): FieldDef {
  const base = { id: field.id, label: field.label }
  const known = choiceLabels(field)
  const labels = known.length ? known : [...values]
  switch (type) {
    case 'select':
    case 'multiselect':
      return { ...base, type, options: { choices: labels.map((label, i) => ({ id: `opt_${i + 1}`, label })) } }
    case 'stage':
      return { ...base, type, options: { stages: stagesFromValues(labels) } }
    case 'money':
      return { ...base, type, options: { currency: field.type === 'money' ? field.options?.currency ?? 'CNY' : 'CNY' } }
    case 'date':
      return { ...base, type, options: { granularity: field.type === 'date' ? field.options?.granularity ?? 'date' : 'date' } }
    default:
      return { ...base, type } as FieldDef
  }
}

/** True when the type is offered in the proposal table. */
export function isProposalType(type: FieldType): type is ProposalType {
  return (PROPOSAL_TYPES as readonly string[]).includes(type)
}
