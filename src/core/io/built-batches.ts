import type { ValuesValidator, WriteContext } from '../records/mutations'
import type { FieldOf, FormDef, RecordRow } from '../schema/types'
import type { Transaction } from '../storage/adapter'
import type { StageDateColumn } from './backdate-events'
import type { ImportPlan } from './import-types'
import { withBackdatedEvents } from './backdate-events'
import { batchTransaction } from './batch-transaction'
import { importBatches } from './import-batches'

/** One batch of an import built into records, ready to commit. */
export interface BuiltBatch {
  /** 0-based batch number. */
  index: number
  total: number
  /** Records the batch writes. */
  size: number
  /** Records with defaults, formulas, serials, stage events and change entries. */
  tx: Transaction
  /** Records whose "entered stage" dates could not all be read. */
  stageDateIssues: number
}

/** What `builtBatches` needs besides the plan. */
export interface BuildOptions {
  form: FormDef
  /** The form's records when the plan was made (unique fields, serial counters). */
  existing: readonly RecordRow[]
  validate: ValuesValidator
  importId: string
  batchSize: number
  /** The write context of each batch (its `now` is taken when the batch is built). */
  context: () => Omit<WriteContext, 'existing'>
  stageDates?: { field: FieldOf<'stage'>, columns: readonly StageDateColumn[] }
}

/**
 * Builds the batches of an insert-only plan one at a time, as `batchTransaction` builds them on
 * the page (the plan validated every record; defaults, formulas, serials and stage events are
 * added here), so they can be built where the plan was made (the import worker) while the page
 * commits the one before. Serial counters run on from batch to batch. Throws on a batch that
 * does not build (a plan made against another form version).
 */
export function* builtBatches(plan: ImportPlan, o: BuildOptions): Generator<BuiltBatch> {
  if (plan.updates.length > 0) throw new Error('builtBatches: the plan updates records; write it on the page')
  let form = o.form
  const byId = new Map<string, RecordRow>()
  for (const batch of importBatches(plan, o.batchSize, o.importId)) {
    const built = batchTransaction(form, batch, byId, o.validate, { ...o.context(), existing: o.existing })
    if (!built.ok) {
      const first = built.issues[0]
      throw new Error(`import batch ${batch.index + 1} refused: ${first?.issues[0]?.message.en ?? 'invalid'} (${first?.recordId ?? ''})`)
    }
    // The form's serial counters run on in the next batch.
    const counters = built.tx.defs?.put?.find(d => d.kind === 'form' && d.doc.id === form.id)
    if (counters) form = counters.doc as FormDef
    const dated = o.stageDates ? withBackdatedEvents(built.tx, built.records, form.id, o.stageDates.field, o.stageDates.columns) : { tx: built.tx, issues: 0 }
    yield { index: batch.index, total: batch.total, size: batch.inserts.length, tx: dated.tx, stageDateIssues: dated.issues }
  }
}
