import type { Locale } from '@/core/schema/types'

/** Small chart words in both languages (chart options are built outside components, without vue-i18n). */
const WORDS = {
  ofFirst: { 'zh-CN': '占首层', 'en': 'of first' },
  toNext: { 'zh-CN': '转入下一层', 'en': 'to next' },
  ofAll: { 'zh-CN': '占全部', 'en': 'of all' },
  bottleneck: { 'zh-CN': '瓶颈', 'en': 'Bottleneck' },
  needed: { 'zh-CN': '需要', 'en': 'need' },
  now: { 'zh-CN': '现有', 'en': 'now' },
  target: { 'zh-CN': '目标', 'en': 'Target' },
  actual: { 'zh-CN': '实际', 'en': 'Actual' },
  conversion: { 'zh-CN': '转化率', 'en': 'Conversion' },
  previous: { 'zh-CN': '上期', 'en': 'Previous' },
  ofTarget: { 'zh-CN': '完成目标', 'en': 'of target' },
  rows: { 'zh-CN': '行', 'en': 'rows' },
  total: { 'zh-CN': '合计', 'en': 'Total' },
  goal: { 'zh-CN': '收入目标', 'en': 'Revenue goal' },
  avgWon: { 'zh-CN': '平均赢单金额', 'en': 'Average won amount' },
  belowTarget: { 'zh-CN': '低于目标', 'en': 'Below target' },
} as const

/** A chart word in the locale. */
export function word(key: keyof typeof WORDS, locale: Locale): string {
  return WORDS[key][locale]
}
