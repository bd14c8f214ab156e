/** The words and figures of a breakdown table, per locale (shared by the widget and its picture). */
import type { BreakdownData, BreakdownRowData } from '@/core/dashboard'
import type { Proportion } from '@/core/metrics'
import type { Locale } from '@/core/schema/types'
import { formatValue, text } from '../shared/format'

const WORDS = {
  records: { 'zh-CN': '记录数', 'en': 'Records' },
  winRate: { 'zh-CN': '赢率', 'en': 'Win rate' },
  stayIn: { 'zh-CN': '{stage} 停留（中位）', 'en': 'Days in {stage} (median)' },
  cycle: { 'zh-CN': '赢单周期（中位）', 'en': 'Days to win (median)' },
  best: { 'zh-CN': '▲ 最好', 'en': '▲ Best' },
  worst: { 'zh-CN': '▼ 最差', 'en': '▼ Worst' },
  rankNote: { 'zh-CN': '最好 / 最差按{rank}，只比较样本 ≥ 10 的行', 'en': 'Best / worst by {rank}, among rows with 10 or more behind the figure' },
  hidden: { 'zh-CN': '另有 {n} 个分组未显示', 'en': '{n} more groups not shown' },
  visits: { 'zh-CN': '{n} 次', 'en': '{n} visits' },
  deals: { 'zh-CN': '{n} 单', 'en': '{n} deals' },
} as const

const RANKS = {
  conversion: { 'zh-CN': '转化率', 'en': 'conversion' },
  winRate: { 'zh-CN': '赢率', 'en': 'win rate' },
  days: { 'zh-CN': '天数（越短越好）', 'en': 'days (shorter is better)' },
} as const

function fill(s: string, vars: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))
}

/** A word of the table in the locale, with `{name}` placeholders filled. */
export function breakdownWord(key: keyof typeof WORDS, locale: Locale, vars: Record<string, string | number> = {}): string {
  return fill(WORDS[key][locale], vars)
}

/** Column headers: group, records, conversion (from → to), win rate, days. */
export function breakdownHeaders(d: BreakdownData, locale: Locale): string[] {
  const days = d.daysKind === 'stage' ? breakdownWord('stayIn', locale, { stage: text(d.fromLabel, locale) }) : breakdownWord('cycle', locale)
  return [text(d.groupLabel, locale), breakdownWord('records', locale), `${text(d.fromLabel, locale)} → ${text(d.toLabel, locale)}`, breakdownWord('winRate', locale), days]
}

/** "42.0%" and its sample "21 / 50 · 95% 28.1–56.9%" ('—' without a sample). */
export function proportionText(p: Proportion, locale: Locale): { rate: string, sample: string } {
  const pct = (v: number) => formatValue(v, 'percent', locale)
  const n = new Intl.NumberFormat(locale)
  const interval = p.interval ? ` · 95% ${pct(p.interval.low).replace('%', '')}–${pct(p.interval.high)}` : ''
  return { rate: formatValue(p.rate, 'percent', locale), sample: `${n.format(p.x)} / ${n.format(p.n)}${interval}` }
}

/** Median days ("3.5 days", '—') and what it rests on ("12 visits" / "12 deals"). */
export function daysText(row: BreakdownRowData, d: BreakdownData, locale: Locale): { median: string, sample: string } {
  const count = new Intl.NumberFormat(locale).format(row.days.count)
  return { median: formatValue(row.days.median, 'days', locale), sample: breakdownWord(d.daysKind === 'stage' ? 'visits' : 'deals', locale, { n: count }) }
}

/** The note under the table: which figure picks the best and worst rows. */
export function rankNote(d: BreakdownData, locale: Locale): string {
  return breakdownWord('rankNote', locale, { rank: RANKS[d.rankBy][locale] })
}
