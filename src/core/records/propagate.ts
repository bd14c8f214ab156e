/**
 * Propagation of derived values across forms: when records of a form change (edited,
 * created, deleted, restored), the records of other forms whose lookups, rollups or
 * cross-form formulas read them are recomputed and added to the same transaction, so the
 * change and its consequences commit atomically as one undo step.
 *
 * Only records that can be affected are recomputed: for a relation link, the records whose
 * relation value names a changed record (and only when a field the link reads changed, or a
 * record came or went); for a cross-form formula (MAPX), every record of the reading form.
 * Only records whose values actually change are put. Chains (C reads B reads A) are followed
 * round by round; a cycle between forms stops after `maxRounds` rounds.
 */
import type { FormDef, RecordRow } from '../schema/types'
import type { ComputeContext } from '../formula/compute'
import type { RecordChanges, Transaction } from '../storage/adapter'
import type { FormLink } from './form-links'
import type { RelatedRows } from './related-rows'
import { formulaContextOf, hasDerived, withDerived } from './derived-values'
import { formLinks } from './form-links'
import { linkedIds } from './lookups'
import { RowsOverlay } from './related-rows'

/** What propagation reads. */
export interface PropagateContext {
  /** Every form definition of the workspace (links are found among them). */
  forms: readonly FormDef[]
  /** Live records as they are BEFORE the transaction; the forms to recompute must be loaded. */
  related: RelatedRows
  /** Formula context (time zone, `forms` for `{formId.fieldId}` references). */
  formula?: ComputeContext
  /** Rounds of cascading before a cycle between forms is cut off. @default 8 */
  maxRounds?: number
}

/** Records of one form that changed in a round: per record id, the changed field ids, or 'all' when it came or went. */
type Touched = Map<string, Map<string, Set<string> | 'all'>>

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

function changedFields(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): Set<string> {
  const out = new Set<string>()
  for (const k in before) if (!same(before[k], after[k])) out.add(k)
  for (const k in after) if (!(k in before) && !same(undefined, after[k])) out.add(k)
  return out
}

function touchedByTx(tx: Transaction, related: RelatedRows, watched: ReadonlySet<string>): Touched {
  const touched: Touched = new Map()
  for (const [formId, ch] of Object.entries(tx.records ?? {})) {
    if (!watched.has(formId)) continue
    const t = new Map<string, Set<string> | 'all'>()
    for (const r of ch.put ?? []) {
      const before = related.get(formId, r.id)
      t.set(r.id, before ? changedFields(before.values, r.values) : 'all')
    }
    for (const id of ch.delete ?? []) t.set(id, 'all')
    touched.set(formId, t)
  }
  return touched
}

function matters(change: Set<string> | 'all', fields: readonly string[]): boolean {
  return change === 'all' || fields.some(f => change.has(f))
}

/** Record ids of each reading form that a round's changes may affect. */
function candidatesOf(links: readonly FormLink[], touched: Touched, view: RelatedRows): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  const add = (formId: string) => out.get(formId) ?? (out.set(formId, new Set()).get(formId)!)
  for (const link of links) {
    const t = touched.get(link.sourceId)
    if (!t) continue
    const rows = view.rows(link.formId) ?? []
    if (link.kind === 'formula') {
      if ([...t.values()].some(c => matters(c, link.fields))) for (const r of rows) add(link.formId).add(r.id)
      continue
    }
    const ids = new Set([...t].filter(([, c]) => matters(c, link.fields)).map(([id]) => id))
    if (!ids.size) continue
    for (const r of rows) {
      const v = r.values[link.relationField]
      if (typeof v === 'string' ? ids.has(v) : linkedIds(v).some(id => ids.has(id))) add(link.formId).add(r.id)
    }
  }
  return out
}

/**
 * The extra record puts, per form, that `tx` makes necessary: dependent records with their
 * lookups, rollups and formulas recomputed (revision raised, `updatedAt` kept: no one edited
 * them). A record the transaction already puts is returned with its recomputed values.
 */
export function dependentPuts(tx: Transaction, ctx: PropagateContext): Map<string, RecordRow[]> {
  const links = formLinks(ctx.forms)
  const result = new Map<string, Map<string, RecordRow>>()
  if (!links.length) return new Map()
  const formById = new Map(ctx.forms.map(f => [f.id, f]))
  const view = new RowsOverlay(ctx.related)
  for (const [formId, ch] of Object.entries(tx.records ?? {})) view.apply(formId, ch)
  const putInTx = new Map(Object.entries(tx.records ?? {}).map(([formId, ch]) => [formId, new Set((ch.put ?? []).map(r => r.id))]))
  const formula = formulaContextOf({ formula: ctx.formula, related: view })
  let touched = touchedByTx(tx, ctx.related, new Set(links.map(l => l.sourceId)))
  for (let round = 0; round < (ctx.maxRounds ?? 8) && touched.size; round++) {
    const next: Touched = new Map()
    for (const [formId, ids] of candidatesOf(links, touched, view)) {
      const form = formById.get(formId)
      if (!form || !hasDerived(form)) continue
      const puts = result.get(formId) ?? new Map<string, RecordRow>()
      const changes = new Map<string, Set<string> | 'all'>()
      for (const id of ids) {
        const row = view.get(formId, id)
        if (!row) continue
        const values = withDerived(form, row.values, { formula, related: view }, formula)
        const diff = changedFields(row.values, values)
        if (!diff.size) continue
        const fresh = puts.has(id) || !!putInTx.get(formId)?.has(id)
        const updated = { ...row, values, rev: fresh ? row.rev : row.rev + 1 }
        puts.set(id, updated)
        view.apply(formId, { put: [updated] })
        changes.set(id, diff)
      }
      if (puts.size) result.set(formId, puts)
      if (changes.size) next.set(formId, changes)
    }
    touched = next
  }
  return new Map([...result].map(([formId, m]) => [formId, [...m.values()]]))
}

/** `tx` with dependentPuts merged in: a put of the same record is replaced, others appended. */
export function withDependents(tx: Transaction, ctx: PropagateContext): Transaction {
  const extra = dependentPuts(tx, ctx)
  if (!extra.size) return tx
  const records: Record<string, RecordChanges> = { ...tx.records }
  for (const [formId, puts] of extra) {
    const ch = records[formId] ?? {}
    const byId = new Map(puts.map(r => [r.id, r]))
    const kept = (ch.put ?? []).map(r => byId.get(r.id) ?? r)
    const known = new Set(kept.map(r => r.id))
    records[formId] = { ...ch, put: [...kept, ...puts.filter(r => !known.has(r.id))] }
  }
  return { ...tx, records }
}
