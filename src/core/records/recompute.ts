/**
 * Recomputing the derived values (lookups, rollups, formulas) of whole forms: after a
 * lookup, rollup or formula definition changed, for records written before lookups were
 * computed, and for freshly generated records (template demo data).
 */
import type { FilterNode } from '../schema/filter'
import type { FieldDef, FormDef, RecordRow } from '../schema/types'
import type { ComputeContext } from '../formula/compute'
import type { Transaction } from '../storage/adapter'
import type { RelatedRows } from './related-rows'
import { isGroup } from '../schema/filter'
import { isRelativeDateOp } from '../query/ops'
import { dependentsOf, formLinks } from './form-links'
import { formulaContextOf, hasDerived, withDerived } from './derived-values'
import { linkFields } from './lookups'
import { relatedRowsOf, RowsOverlay } from './related-rows'

/** What recomputing reads. */
export interface RecomputeContext {
  /** Other forms' live records (and this form's, for a relation to itself). */
  related: RelatedRows
  formula?: ComputeContext
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/**
 * The rows of `form` whose derived values change when recomputed, with those values set and
 * the revision raised (`updatedAt` kept: no one edited them). Rows that do not change are left out.
 */
export function recomputeRows(form: FormDef, rows: readonly RecordRow[], ctx: RecomputeContext): RecordRow[] {
  if (!hasDerived(form)) return []
  const formula = formulaContextOf(ctx)
  const keys = form.fields.filter(f => f.type === 'lookup' || f.type === 'rollup' || f.type === 'formula' || f.type === 'score' || f.type === 'subform').map(f => f.id)
  const out: RecordRow[] = []
  for (const row of rows) {
    const values = withDerived(form, row.values, ctx, formula)
    if (keys.some(k => !same(row.values[k], values[k]))) out.push({ ...row, values, rev: row.rev + 1 })
  }
  return out
}

/** True when the derived fields (lookup, rollup, formula, score definitions) differ between two versions of a form. */
export function derivedDefinitionsChanged(before: Pick<FormDef, 'fields'>, after: Pick<FormDef, 'fields'>): boolean {
  const derived = (fields: readonly FieldDef[]) => JSON.stringify(fields
    .filter(f => f.type === 'lookup' || f.type === 'rollup' || f.type === 'formula' || f.type === 'score')
    .map(f => [f.id, f.type, f.options]))
  return derived(before.fields) !== derived(after.fields)
}

/**
 * Fills the derived values of records of several forms written together (a template install):
 * every form is recomputed in an order where a form comes after the forms it reads; forms on a
 * cycle are recomputed once more. Returns the lists with changed rows replaced.
 */
export function fillDerived(forms: readonly FormDef[], lists: Readonly<Record<string, readonly RecordRow[]>>, base: RelatedRows, formula?: ComputeContext): Record<string, RecordRow[]> {
  const links = formLinks(forms)
  const own = relatedRowsOf(lists)
  const view = new RowsOverlay({ get: (f, id) => (lists[f] ? own.get(f, id) : base.get(f, id)), rows: f => lists[f] ?? base.rows(f) })
  const out: Record<string, RecordRow[]> = Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, [...v]]))
  const order = [...forms].sort((a, b) => readsCount(a.id) - readsCount(b.id))
  function readsCount(id: string): number {
    return [...dependentsOf(links.map(l => ({ ...l, formId: l.sourceId, sourceId: l.formId })), [id])].length
  }
  const cyclic = forms.filter(f => dependentsOf(links, [f.id]).has(f.id))
  for (const form of [...order, ...cyclic]) {
    const rows = out[form.id]
    if (!rows?.length) continue
    const changed = recomputeRows(form, rows, { related: view, formula })
    if (!changed.length) continue
    // New records: the recomputation is part of their creation, so the revision stays.
    const byId = new Map(changed.map(r => [r.id, { ...r, rev: r.rev - 1 }]))
    out[form.id] = rows.map(r => byId.get(r.id) ?? r)
    view.apply(form.id, { put: [...byId.values()] })
  }
  return out
}

/**
 * `tx` (a save of `form`'s definition, possibly rewriting some of its records) with every
 * record of the form whose derived values change under the new definition put too. A record
 * the transaction already rewrites keeps that revision.
 */
export function withRecomputed(form: FormDef, tx: Transaction, ctx: RecomputeContext): Transaction {
  const view = new RowsOverlay(ctx.related)
  const own = tx.records?.[form.id]
  if (own) view.apply(form.id, own)
  const changed = recomputeRows(form, view.rows(form.id) ?? [], { related: view, formula: ctx.formula })
  if (!changed.length) return tx
  const planned = new Set((own?.put ?? []).map(r => r.id))
  const puts = changed.map(r => (planned.has(r.id) ? { ...r, rev: r.rev - 1 } : r))
  const byId = new Map(puts.map(r => [r.id, r]))
  const put = [...(own?.put ?? []).map(r => byId.get(r.id) ?? r), ...puts.filter(r => !planned.has(r.id))]
  return { ...tx, records: { ...tx.records, [form.id]: { ...own, put } } }
}

/** Records saved before lookups and rollups were computed: some lookup or rollup field has no stored value at all. */
export function rowsMissingLinks(form: Pick<FormDef, 'fields'>, rows: readonly RecordRow[]): RecordRow[] {
  const ids = linkFields(form).map(f => f.id)
  if (!ids.length) return []
  return rows.filter(r => ids.some(id => !(id in r.values)))
}

/** True when a condition holds a relative date range (this week, the last N days …). */
function movesWithNow(node: FilterNode): boolean {
  return isGroup(node) ? ('and' in node ? node.and : node.or).some(movesWithNow) : isRelativeDateOp(node.op)
}

/**
 * True when a derived value of the form can change with the day alone: a score rule with a
 * relative date condition (最近跟进 在最近 30 天内), or a formula reading TODAY(). Such values are
 * recomputed when the form loads and at the daily check, since no write touches them
 * (NOW(), which moves every second, is left to the next write).
 */
export function changesWithTheDay(form: Pick<FormDef, 'fields'>): boolean {
  return form.fields.some(f => (f.type === 'score' && f.options.rules.some(r => movesWithNow(r.when)))
    || (f.type === 'formula' && /\bTODAY\s*\(/i.test(f.options.expression)))
}
