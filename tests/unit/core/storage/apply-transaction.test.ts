import { describe, expect, it } from 'vitest'
import type { Transaction } from '../../../../src/core/storage/adapter'
import { applyTransaction } from '../../../../src/core/storage/apply-transaction'
import { stateToBackup } from '../../../../src/core/storage/backup'
import { validateTransaction } from '../../../../src/core/storage/validate-transaction'
import { createWorkspaceState } from '../../../../src/core/storage/workspace-state'
import { app, change, record, records, stageEvent } from '../../../fixtures/storage'

function stateWith(...txs: Transaction[]) {
  const state = createWorkspaceState()
  for (const tx of txs) applyTransaction(state, structuredClone(tx))
  return state
}

describe('apply-transaction', () => {
  describe('applyTransaction', () => {
    it('should give the same state when a transaction is applied twice (log replay)', () => {
      const base = { records: { deals: { put: records(4) } } }
      const tx: Transaction = {
        records: { deals: { put: [record(9)], delete: ['r1'], toTrash: true, purge: [] } },
        stageEvents: [stageEvent('e1', 'r9', 'lead', 1)],
        changes: [change('c1', 'r9', 1)],
        defs: { put: [{ kind: 'app', doc: app('a1') }] },
      }
      expect(stateToBackup(stateWith(base, tx, tx), 0)).toEqual(stateToBackup(stateWith(base, tx), 0))
    })

    it('should report which ids each collection changed', () => {
      const state = stateWith({ records: { deals: { put: records(3) } } })
      const effects = applyTransaction(state, { records: { deals: { delete: ['r1'], toTrash: true } }, stageEvents: [stageEvent('e1', 'r0', 'won', 1)] })
      const deals = effects.forms.get('deals')
      expect([...deals!.records]).toEqual(['r1'])
      expect([...deals!.trash]).toEqual(['r1'])
      expect([...deals!.events]).toEqual(['e1'])
    })

    it('should drop a form before re-adding its records in the same transaction', () => {
      const state = stateWith({ records: { deals: { put: records(3) } } })
      const effects = applyTransaction(state, { dropForms: ['deals'], records: { deals: { put: [record(7)] } } })
      expect([...state.forms.get('deals')!.records.keys()]).toEqual(['r7'])
      expect(effects.dropped).toEqual(['deals'])
    })
  })
})

describe('validate-transaction', () => {
  describe('validateTransaction', () => {
    it('should accept a delete to the bin followed by a purge in one transaction', () => {
      const state = stateWith({ records: { deals: { put: records(1) } } })
      expect(validateTransaction(state, { records: { deals: { delete: ['r0'], toTrash: true, purge: ['r0'] } } })).toEqual([])
    })

    it('should name each problem of a bad transaction', () => {
      const state = stateWith({ records: { deals: { put: records(1) } } })
      state.forms.get('deals')!.trash.set('t1', record('t1'))
      const problems = validateTransaction(state, {
        records: { deals: { put: [record(2), record(2), record('t1')], restore: ['r0'] } },
        stageEvents: [{ ...stageEvent('e1', 'r0', 'won', 1), at: 'soon' as unknown as number }],
        defs: { put: [{ kind: 'widget' as 'app', doc: app('x') }] },
      })
      expect(problems.join('\n')).toMatchInlineSnapshot(`
        "unknown definition kind "widget"
        form deals: record r2 is put twice
        form deals: record r0 is not in the recycle bin, so it cannot be restored
        form deals: record t1 is in the recycle bin; restore it instead of putting it
        stage event e1 lacks id, formId, recordId, fieldId, to or a numeric at"
      `)
    })
  })
})
