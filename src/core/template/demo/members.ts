/** Demo sales reps for a workspace that has nobody to assign records to. */
import type { Locale, Member } from '../../schema/types'
import { DEMO_REPS } from './text.ts'

const COLORS = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272']

/**
 * Six demo sales reps. Deterministic ids (`demo_rep_1`...) unless `makeId` is given; the
 * caller adds them to the workspace settings before installing demo data that names them.
 */
export function createDemoMembers(locale: Locale = 'zh-CN', makeId?: () => string): Member[] {
  return DEMO_REPS.map((name, i) => ({
    id: makeId !== undefined ? makeId() : `demo_rep_${i + 1}`,
    name: locale === 'en' ? name[1] : name[0],
    color: COLORS[i % COLORS.length] ?? '#5470c6',
  }))
}
