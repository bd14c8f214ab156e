import type { HistoryLogResult } from '@/core/io/stage-history'
import type { HistoryPrepared } from './use-import-history'

/** Why a row of a history log is set aside, one kind per count the dialog shows. */
export type HistoryIssueKind = 'badTime' | 'otherBad' | 'notFound' | 'ambiguous' | 'invalid' | 'duplicate'

/** One row of the file set aside, with its row number (line 1 is the header) and key. */
export interface HistoryIssue {
  kind: HistoryIssueKind
  row: number | undefined
  key: string
  /** The core's code and detail, for the reason column (translated by the dialog). */
  code: string
  detail: string
  /** duplicate: the earlier row it repeats, or the stage change already in the form. */
  sameAs?: number
  to?: string
  at?: number
}

/** A count the dialog shows: rows set aside of one kind, and the keys among them. */
export interface HistoryIssueCount {
  kind: HistoryIssueKind
  rows: number
  keys: number
}

/**
 * Every row of the log set aside, by row number: unreadable rows (a time that is not one
 * first), keys no record has (match-only mode) or several share, records breaking the form's
 * rules, and stage changes repeated in the file or already in the form. `keyAt` reads a row's
 * key from the file by its row number.
 */
export function historyIssues(result: HistoryLogResult, prep: HistoryPrepared | undefined, keyAt: (row: number) => string): HistoryIssue[] {
  const out: HistoryIssue[] = []
  for (const b of result.badRows) {
    const kind: HistoryIssueKind = b.code === 'badTime' ? 'badTime' : b.code === 'duplicate' ? 'duplicate' : 'otherBad'
    out.push({ kind, row: b.row, key: keyAt(b.row), code: b.code, detail: b.reason, ...(b.sameAs === undefined ? {} : { sameAs: b.sameAs }) })
  }
  if (!prep) return sorted(out)
  for (const u of prep.merge.unmatched) {
    for (const row of result.rowsOf.get(u.recordId) ?? [undefined]) out.push({ kind: u.reason, row, key: u.key, code: u.reason, detail: '' })
  }
  for (const i of prep.invalid) {
    for (const row of i.rows.length ? i.rows : [undefined]) out.push({ kind: 'invalid', row, key: i.key, code: 'invalid', detail: i.reason })
  }
  for (const d of prep.merge.duplicates) out.push({ kind: 'duplicate', row: result.eventRows.get(d.eventId), key: d.key, code: 'alreadyThere', detail: '', to: d.to, at: d.at })
  return sorted(out)
}

/** Per kind (in the order the dialog lists them), the rows and distinct keys set aside. */
export function countIssues(issues: readonly HistoryIssue[]): HistoryIssueCount[] {
  const order: HistoryIssueKind[] = ['badTime', 'notFound', 'ambiguous', 'duplicate', 'invalid', 'otherBad']
  return order.flatMap((kind) => {
    const of = issues.filter(i => i.kind === kind)
    return of.length ? [{ kind, rows: of.length, keys: new Set(of.map(i => i.key)).size }] : []
  })
}

function sorted(list: HistoryIssue[]): HistoryIssue[] {
  return list.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity))
}
