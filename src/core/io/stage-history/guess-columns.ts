import { parseNumberText } from '../../fields/shared/number-text'
import { normalizeHeader } from '../auto-map'
import { detectDateFormat } from '../date-format'

/** The columns of a stage-history log the import needs, plus the optional ones. */
export type HistoryRole = 'key' | 'stage' | 'at' | 'amount' | 'owner' | 'order'

/**
 * Why a column was guessed, in numbers the dialog turns into a sentence ("92 % of values parse
 * as dates"). Shares are 0..1 of the non-empty sampled values; for `matchesRecords`, of the
 * smaller side (the column's distinct values or the records' keys).
 */
export type GuessReason
  = | { code: 'dates', share: number }
    | { code: 'stageNames', share: number }
    | { code: 'fewValues', distinct: number }
    | { code: 'repeats', perKey: number, keys: number }
    | { code: 'matchesRecords', share: number, matched: number }
    | { code: 'unique' }
    | { code: 'amounts', share: number, distinct: number }
    | { code: 'numbers', distinct: number }
    | { code: 'name' }

/** One guessed column: `low` confidence is shown in orange for the user to check. */
export interface ColumnGuess {
  column: string
  confidence: 'high' | 'low'
  reason: GuessReason
  /** Key guesses matched against existing records: the record field the values matched. */
  field?: string
}

/** The guess per role; a role without a fitting column is absent. */
export type HistoryGuess = Partial<Record<HistoryRole, ColumnGuess>>

/** What the guess may compare the values with. */
export interface GuessContext {
  /** Names the form's stages answer to (labels in every locale, ids). */
  stageNames?: readonly string[]
  /** Per candidate key field of the form, the values its existing records hold. */
  keyFields?: readonly { field: string, keys: ReadonlySet<string> }[]
  /** Rows read. @default 2000 */
  sampleSize?: number
}

interface Column {
  header: string
  norm: string
  values: string[]
  distinct: Set<string>
  filled: number
}

interface Scored { score: number, confidence: 'high' | 'low', reason: GuessReason, field?: string }

const NAME = {
  at: /created|changed|modified|timestamp|changedate|变更|修改|时间|时刻/,
  atWeak: /date|time|日期|at$/,
  atClose: /close|closing|expected|due|预计|结束/,
  stage: /stage|阶段|status|状态|dealstage|phase/,
  key: /opportunit|deal|record|商机|交易|记录|编号|key/,
  keyId: /id$|编号|标识/,
  notKey: /created|modified|owner|user|by(?:id)?$|负责人|创建人|contact|company|account/,
  amount: /amount|金额|dealvalue/,
  amountWeak: /value|revenue|price|价值|收入/,
  notAmount: /probab|percent|概率|sort|order|顺序|id$|year|count|days|isdeleted|deleted|flag/,
  owner: /owner|负责|销售|agent|rep$|salesperson/,
  order: /sortorder|order|sort|顺序|序号|probab|概率|ordinal/,
} as const

/**
 * Guesses the columns of a stage-history log from its headers *and* values: the time column
 * is one whose values parse as dates (not `CreatedById`), the key one whose values repeat over
 * rows (several events per deal; not the history row's own unique `Id`) and, when records
 * exist, match their keys; the amount a numeric column with varied values (never a 0/1 flag);
 * the stage one whose values are mostly known stage names (or few, repeating ones). Names only
 * break ties. Each guess says why, and is `low` confidence when the values alone do not settle it.
 */
export function guessHistoryColumns(headers: readonly string[], rows: readonly (readonly string[])[], ctx: GuessContext = {}): HistoryGuess {
  const sample = rows.slice(0, ctx.sampleSize ?? 2000)
  const cols: Column[] = headers.map((header, i) => {
    const values = sample.map(r => (r[i] ?? '').trim()).filter(v => v !== '')
    return { header, norm: normalizeHeader(header), values, distinct: new Set(values), filled: values.length }
  })
  const used = new Set<string>()
  const out: HistoryGuess = {}
  const take = (role: HistoryRole, score: (c: Column) => Scored | undefined) => {
    let best: (Scored & { column: string }) | undefined
    for (const c of cols) {
      if (used.has(c.header) || c.filled === 0) continue
      const s = score(c)
      if (s && s.score > 0 && (!best || s.score > best.score)) best = { ...s, column: c.header }
    }
    if (best) {
      used.add(best.column)
      out[role] = { column: best.column, confidence: best.confidence, reason: best.reason, ...(best.field === undefined ? {} : { field: best.field }) }
    }
  }
  const known = new Set((ctx.stageNames ?? []).map(n => n.trim().toLowerCase()).filter(n => n !== ''))
  const dateShare = (c: Column) => detectDateFormat(c.values).matched / c.filled
  const numbers = (c: Column) => c.values.map(v => parseNumberText(v)?.value)

  take('at', (c) => {
    const share = dateShare(c)
    if (share < 0.8) return undefined
    const bonus = NAME.at.test(c.norm) ? 0.3 : NAME.atClose.test(c.norm) ? -0.3 : NAME.atWeak.test(c.norm) ? 0.1 : 0
    return { score: share + bonus, confidence: share >= 0.9 && bonus > 0 ? 'high' : 'low', reason: { code: 'dates', share } }
  })
  take('stage', (c) => {
    const named = NAME.stage.test(c.norm)
    if (known.size) {
      const share = c.values.filter(v => known.has(v.toLowerCase())).length / c.filled
      if (share >= 0.3) return { score: 1 + share + (named ? 0.3 : 0), confidence: share >= 0.8 ? 'high' : 'low', reason: { code: 'stageNames', share } }
    }
    const repeating = c.filled >= 2 * c.distinct.size || (named && c.distinct.size < c.filled)
    const few = c.distinct.size <= 40 && repeating && dateShare(c) < 0.5 && numbers(c).some(n => n === undefined)
    if (!few) return undefined
    return { score: named ? 0.8 : 0.2, confidence: named && !known.size ? 'high' : 'low', reason: { code: 'fewValues', distinct: c.distinct.size } }
  })
  take('amount', (c) => {
    const nums = numbers(c)
    const share = nums.filter(n => n !== undefined).length / c.filled
    const distinct = new Set(nums.filter(n => n !== undefined)).size
    const flag = [...c.distinct].every(v => /^(?:0|1|true|false|yes|no|y|n|是|否)$/i.test(v))
    if (share < 0.9 || distinct < 3 || flag || NAME.notAmount.test(c.norm) || dateShare(c) >= 0.5) return undefined
    const bonus = NAME.amount.test(c.norm) ? 0.5 : NAME.amountWeak.test(c.norm) ? 0.3 : 0
    return { score: share + bonus, confidence: bonus >= 0.5 ? 'high' : 'low', reason: { code: 'amounts', share, distinct } }
  })
  take('key', (c) => {
    if (c.filled < 0.9 * sample.length || dateShare(c) >= 0.5) return undefined
    const penalty = NAME.notKey.test(c.norm) ? 1 : 0
    const bonus = (NAME.key.test(c.norm) ? 0.4 : 0) + (NAME.keyId.test(c.norm) ? 0.1 : 0)
    const keys = c.distinct.size
    // A column of a few values repeated everywhere (a user id, a 0/1 flag) is not one key per deal.
    const categorical = keys < 2 || (keys / c.filled < 0.02 && keys < 50)
    let match: { field: string, share: number, matched: number } | undefined
    for (const f of categorical ? [] : ctx.keyFields ?? []) {
      if (f.keys.size === 0) continue
      let hits = 0
      for (const v of c.distinct) if (f.keys.has(v)) hits++
      // Coverage of the smaller side: 4 records all found among 8,000 deals of a log is a match.
      const cover = hits / Math.min(keys, f.keys.size)
      if (cover >= 0.5 && (!match || cover > match.share)) match = { field: f.field, share: cover, matched: hits }
    }
    if (match) return { score: 3 + match.share + bonus - penalty, confidence: match.share >= 0.9 ? 'high' : 'low', reason: { code: 'matchesRecords', share: match.share, matched: match.matched }, field: match.field }
    if (keys === c.filled) return { score: 0.3 + bonus - penalty, confidence: 'low', reason: { code: 'unique' } }
    const perKey = c.filled / keys
    return { score: (categorical ? 0.1 : 1.5) + bonus - penalty, confidence: !categorical && bonus > 0 && !penalty ? 'high' : 'low', reason: { code: 'repeats', perKey, keys } }
  })
  take('order', (c) => {
    if (!NAME.order.test(c.norm) || NAME.keyId.test(c.norm)) return undefined
    const nums = numbers(c)
    const share = nums.filter(n => n !== undefined).length / c.filled
    if (share < 0.9) return undefined
    const distinct = new Set(nums).size
    return { score: 1, confidence: 'high', reason: { code: 'numbers', distinct } }
  })
  take('owner', c => (NAME.owner.test(c.norm) ? { score: 1, confidence: 'low', reason: { code: 'name' } } : undefined))
  return out
}
