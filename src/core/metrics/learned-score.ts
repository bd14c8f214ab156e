/**
 * Learned lead-score points (a score field's `learned` mode): for each value of the chosen
 * fields, the win rate of the closed deals holding it (won / (won + lost), by the stage field's
 * current outcome in the stage summary) against the win rate of every closed deal (the base).
 * A value earns `scale` points per percentage point of lift over the base, rounded; values with
 * fewer than `minSample` closed deals earn none (a rate from a handful of deals says nothing).
 * Open deals are what the score ranks, so they are not counted.
 */
import type { FieldDef, LearnedValue, RecordRow } from '../schema/types'
import type { StageSummary } from './summary'
import { valueKeys } from '../records/score-values'
import { OUTCOME_LOST, OUTCOME_WON } from './summary'

/** Default least number of closed deals behind a learned value. */
export const LEARNED_MIN_SAMPLE = 30

/** One row of the learned table as the designer shows it. */
export interface LearnedRow extends LearnedValue {
  /** won / n; null when n is 0. */
  rate: number | null
  /** Fewer than the minimum sample: no points. */
  tooFew: boolean
}

export interface LearnedTable {
  /** Every closed deal of the form: won of n, and its win rate (null without closed deals). */
  base: { won: number, n: number, rate: number | null }
  /** Per chosen field (in the order given), its values by closed deals, most first (ties by value). */
  rows: LearnedRow[]
  minSample: number
}

export interface LearnOptions {
  minSample?: number
  scale?: number
}

/** The learned table of `fields` over `records` (indexed like `summary`). */
export function learnScoreTable(records: readonly RecordRow[], summary: StageSummary, fields: readonly FieldDef[], options: LearnOptions = {}): LearnedTable {
  const minSample = options.minSample ?? LEARNED_MIN_SAMPLE
  const scale = options.scale ?? 1
  let baseWon = 0
  let baseN = 0
  const counts = fields.map(() => new Map<string, { won: number, n: number }>())
  for (let i = 0; i < records.length; i++) {
    const outcome = summary.outcome[i]
    if (outcome !== OUTCOME_WON && outcome !== OUTCOME_LOST) continue
    const won = outcome === OUTCOME_WON ? 1 : 0
    baseN++
    baseWon += won
    const values = records[i]!.values
    fields.forEach((field, f) => {
      for (const key of new Set(valueKeys(values[field.id]))) {
        const map = counts[f]!
        const c = map.get(key)
        if (c) {
          c.n++
          c.won += won
        }
        else map.set(key, { won, n: 1 })
      }
    })
  }
  const baseRate = baseN ? baseWon / baseN : null
  const rows: LearnedRow[] = []
  fields.forEach((field, f) => {
    const list = [...counts[f]!].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    for (const [value, { won, n }] of list) {
      const rate = n ? won / n : null
      const tooFew = n < minSample
      const points = tooFew || rate === null || baseRate === null ? 0 : Math.round(scale * 100 * (rate - baseRate)) || 0
      rows.push({ field: field.id, value, won, n, points, rate, tooFew })
    }
  })
  return { base: { won: baseWon, n: baseN, rate: baseRate }, rows, minSample }
}

/** The table as stored in `ScoreLearned.table`: only the values that earn points. */
export function storedLearnedTable(table: LearnedTable): LearnedValue[] {
  return table.rows.filter(r => r.points !== 0).map(({ field, value, won, n, points }) => ({ field, value, won, n, points }))
}
