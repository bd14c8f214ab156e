import type { Locale } from '../schema/types'
import { MS_PER_DAY } from './stage-model'

const MS_PER_HOUR = 3_600_000
const MS_PER_MINUTE = 60_000

/**
 * A duration in words a reader can use, never "0.0 days" for a short one: one decimal of days
 * from a day up, one decimal of hours under a day, whole minutes under an hour, and "under a
 * minute" below that. Null or a negative/non-finite value is '—'.
 */
export function formatDuration(ms: number | null, locale: Locale): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '—'
  const zh = locale === 'zh-CN'
  if (ms >= MS_PER_DAY) {
    const d = (ms / MS_PER_DAY).toFixed(1)
    return zh ? `${d} 天` : `${d} days`
  }
  if (ms >= MS_PER_HOUR) {
    const h = (ms / MS_PER_HOUR).toFixed(1)
    return zh ? `${h} 小时` : `${h} hours`
  }
  const m = Math.round(ms / MS_PER_MINUTE)
  if (ms >= MS_PER_MINUTE) return zh ? `${m} 分钟` : `${m} ${m === 1 ? 'minute' : 'minutes'}`
  return zh ? '不到 1 分钟' : 'under a minute'
}
