import type { Label, RecordRow } from '../schema/types'

/** What the query engine needs to know about "now" and the current user. */
export interface QueryEnv {
  /** Current time, epoch ms. Relative date ranges are computed from it, in local calendar time. */
  now: number
  /** First day of the week for thisWeek / lastWeek and week buckets: 1 = Monday (default), 0 = Sunday. */
  weekStartsOn?: 0 | 1
  /** The member that `CURRENT_MEMBER` in a condition value stands for. */
  currentMemberId?: string
}

/** A compiled filter: true when the record matches. */
export type RecordPredicate = (record: RecordRow) => boolean

/** Member id → display name, used by quick search and by sorting member fields by name. */
export type MemberNames = ReadonlyMap<string, string>

/** A text in both UI locales. */
export interface LocalizedText { 'zh-CN': string, 'en': string }

/** How a field behaves in filters, sorting, search and grouping. */
export type QueryKind
  = | 'text' | 'number' | 'date' | 'datetime' | 'option' | 'idSet' | 'bool' | 'presence' | 'generic' | 'none'

/** An option of a select / multiselect / stage field, in its display order. */
export interface QueryOption { id: string, label: Label }
