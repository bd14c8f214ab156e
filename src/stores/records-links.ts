/**
 * The records store's part in lookups, rollups and MAPX formulas: other forms' rows for the
 * write path, loading the forms a write reads or must recompute, adding the recomputed
 * dependent records to a write's transaction, and filling records stored before lookups
 * were computed. Plain functions over the store's state (no reactivity of their own).
 */
import type { FormDef, RecordRow } from '@/core/schema/types'
import type { Transaction } from '@/core/storage/adapter'
import type { RelatedRows } from '@/core/records'
import { changesWithTheDay, formLinks, formsToLoad, withDependents, recomputeRows, rowsMissingLinks } from '@/core/records'

/** What the helpers read from the stores. */
export interface LinkDeps {
  /** A loaded (or loading) form's rows and index; undefined when never asked for. */
  state: (formId: string) => { rows: { value: RecordRow[] }, byId: Map<string, RecordRow> } | undefined
  /** Starts loading a form; resolves when loaded. */
  load: (formId: string) => Promise<void>
  /** The workspace's form definitions (replaced whole on change). */
  forms: () => readonly FormDef[]
  formById: (formId: string) => FormDef | undefined
  /** Applies and commits a transaction that no one typed (no undo step). */
  write: (tx: Transaction) => Promise<unknown>
}

/** The helpers bound to a store's state. */
export function recordsLinks(deps: LinkDeps) {
  /** The loaded records of every form, for lookups, rollups and MAPX formulas. */
  const related: RelatedRows = { get: (formId, id) => deps.state(formId)?.byId.get(id), rows: formId => deps.state(formId)?.rows.value }

  /** The write context's part: other forms' rows and, for `{formId.fieldId}` references, their definitions. */
  const context = () => ({ related, formula: { forms: deps.forms() } })

  /** Loads the forms a write to `formIds` reads or must recompute; await it before computing the write. */
  async function loadLinked(formIds: string[]): Promise<void> {
    const ids = [...formsToLoad(formLinks(deps.forms()), formIds)].filter(id => deps.formById(id))
    await Promise.all(ids.map(deps.load))
  }

  /** `tx` plus the records of other forms whose lookups, rollups or MAPX formulas it changes (call loadLinked first). */
  function withLinked(tx: Transaction): Transaction {
    return withDependents(tx, { forms: deps.forms(), related, formula: { forms: deps.forms() } })
  }

  /** Recomputes the derived values of the loaded rows `pick` chooses and writes those that change (one commit). */
  async function rewriteDerived(formId: string, pick: (form: FormDef, rows: readonly RecordRow[]) => RecordRow[]): Promise<void> {
    const form = deps.formById(formId)
    const rows = () => (form ? pick(form, deps.state(formId)?.rows.value ?? []) : [])
    if (!rows().length) return
    await loadLinked([formId])
    const puts = recomputeRows(form!, rows(), context())
    if (puts.length) await deps.write(withLinked({ records: { [formId]: { put: puts } } }))
  }

  /** Per form, the local day its values that change with the day were last brought to. */
  const broughtTo = new Map<string, string>()

  /**
   * Once a form loads: records stored before lookups and rollups were computed get their values,
   * and values that change with the day (a score rule on "the last 30 days", TODAY()) are brought
   * to today. The daily check calls it again for the forms already loaded: those values are
   * recomputed once per day, not at every check.
   */
  function backfill(formId: string): Promise<void> {
    const form = deps.formById(formId)
    const today = new Date().toDateString()
    const bring = !!form && changesWithTheDay(form) && broughtTo.get(formId) !== today
    if (bring) broughtTo.set(formId, today)
    return rewriteDerived(formId, (f, rows) => (bring ? [...rows] : rowsMissingLinks(f, rows)))
  }

  /** Records written from outside with values taken from two versions (a team-sync merge) get their derived values recomputed. */
  function recompute(formId: string, ids: readonly string[]): Promise<void> {
    const wanted = new Set(ids)
    return rewriteDerived(formId, (_form, rows) => rows.filter(r => wanted.has(r.id)))
  }

  return { related, context, loadLinked, withLinked, backfill, recompute }
}
