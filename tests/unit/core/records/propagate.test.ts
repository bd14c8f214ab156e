import type { FormDef, RecordRow } from '../../../../src/core/schema/types'
import type { Transaction } from '../../../../src/core/storage/adapter'
import { describe, expect, it } from 'vitest'
import { createRecords, deleteRecords, updateRecords } from '../../../../src/core/records/mutations'
import { dependentPuts, withDependents } from '../../../../src/core/records/propagate'
import { relatedRowsOf } from '../../../../src/core/records/related-rows'
import { replayOps, undoStepOf } from '../../../../src/core/records/undo'
import { field } from '../../../fixtures/fields'
import { accounts, accountsForm, dealsForm, formOf, rec, validatorOf } from '../../../fixtures/derived'

function deals(): RecordRow[] {
  return [
    rec('d1', { title: 'ERP', amount: 10, account: 'a1', acc_name: '华为', acc_industry: 'a' }),
    rec('d2', { title: 'CRM', amount: 20, account: 'a1', acc_name: '华为', acc_industry: 'a' }),
    rec('d3', { title: 'OA', amount: 5, account: 'a2', acc_name: '腾讯', acc_industry: 'b' }),
  ]
}

function world(forms: FormDef[], lists: Record<string, RecordRow[]>) {
  return { forms, related: relatedRowsOf(lists), byId: (id: string) => new Map((lists[id] ?? []).map(r => [r.id, r])) }
}

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r as Extract<T, { ok: true }>
}

const putsOf = (tx: Transaction, formId: string) => tx.records?.[formId]?.put ?? []

describe('propagate', () => {
  describe('write path', () => {
    it('should fill lookups when a record is created or its relation edited', () => {
      const w = world([accountsForm(), dealsForm()], { accounts: accounts(), deals: deals() })
      const form = dealsForm()
      const created = ok(createRecords(form, [{ title: 'new', account: 'a2' }], validatorOf(form), { now: 5, related: w.related }))
      expect(created.records[0]!.values).toMatchObject({ acc_name: '腾讯', acc_industry: 'b' })
      const edited = ok(updateRecords(form, w.byId('deals'), [{ recordId: 'd3', values: { account: 'a1' } }], validatorOf(form), { now: 5, related: w.related }))
      expect(edited.records[0]!.values).toMatchObject({ acc_name: '华为', acc_industry: 'a' })
    })

    it('should ignore lookup values given as input', () => {
      const w = world([accountsForm(), dealsForm()], { accounts: accounts() })
      const form = dealsForm()
      const created = ok(createRecords(form, [{ account: 'a1', acc_name: '伪造' }], validatorOf(form), { now: 5, related: w.related }))
      expect(created.records[0]!.values.acc_name).toBe('华为')
    })

    it('should compute a formula that reads a rollup after the rollup', () => {
      const form = formOf('portfolio', [
        field('relation', { id: 'accs', options: { formId: 'accounts', multiple: true } }),
        field('rollup', { id: 'rev', options: { relationField: 'accs', targetField: 'revenue', fn: 'sum' } }),
        field('formula', { id: 'double', options: { expression: '{rev} * 2', resultType: 'number' } }),
      ])
      const w = world([accountsForm(), form], { accounts: accounts() })
      const created = ok(createRecords(form, [{ accs: ['a1', 'a2'] }], validatorOf(form), { now: 5, related: w.related }))
      expect(created.records[0]!.values).toMatchObject({ rev: 150, double: 300 })
    })
  })

  describe('dependentPuts', () => {
    it('should recompute only the records linking to an edited record, when a field they read changed', () => {
      const w = world([accountsForm(), dealsForm()], { accounts: accounts(), deals: deals() })
      const edit = ok(updateRecords(accountsForm(), w.byId('accounts'), [{ recordId: 'a1', values: { name: '华为技术' } }], validatorOf(accountsForm()), { now: 9 }))
      const tx = withDependents(edit.tx, { forms: w.forms, related: w.related })
      const puts = putsOf(tx, 'deals')
      expect(puts.map(r => r.id).sort()).toEqual(['d1', 'd2'])
      expect(puts[0]!.values.acc_name).toBe('华为技术')
      // No one edited the deals: the revision moves, updatedAt stays.
      expect(puts[0]).toMatchObject({ rev: 2, updatedAt: 1 })
      // Only computed fields of the deals changed: their form gets no undo step of its own.
      expect(undoStepOf(dealsForm(), tx.records!.deals!, w.byId('deals'))).toBeUndefined()
      const revenueOnly = ok(updateRecords(accountsForm(), w.byId('accounts'), [{ recordId: 'a1', values: { revenue: 1 } }], validatorOf(accountsForm()), { now: 9 }))
      expect(dependentPuts(revenueOnly.tx, { forms: w.forms, related: w.related }).size).toBe(0)
    })

    it('should empty the lookups of records linking to a deleted record and fill them again on restore', () => {
      const w = world([accountsForm(), dealsForm()], { accounts: accounts(), deals: deals() })
      const del = withDependents(deleteRecords(accountsForm(), ['a2'], { now: 9 }), { forms: w.forms, related: w.related })
      expect(putsOf(del, 'deals').map(r => [r.id, r.values.acc_name, r.values.acc_industry])).toEqual([['d3', null, null]])
      // The deletion applied: the account is gone and d3 shows nothing; restoring it brings the name back.
      const after = world(w.forms, { accounts: accounts().filter(a => a.id !== 'a2'), deals: deals().map(d => (d.id === 'd3' ? putsOf(del, 'deals')[0]! : d)) })
      const restore = ok(replayOps(accountsForm(), after.byId('accounts'), [{ kind: 'restore', rows: [accounts()[1]!] }], validatorOf(accountsForm()), { now: 10 }))
      const back = withDependents(restore.tx, { forms: w.forms, related: after.related })
      expect(putsOf(back, 'deals').map(r => [r.id, r.values.acc_name])).toEqual([['d3', '腾讯']])
    })

    it('should propagate an undone edit like any other edit', () => {
      const w = world([accountsForm(), dealsForm()], { accounts: accounts(), deals: deals() })
      const step = undoStepOf(accountsForm(), { put: [{ ...accounts()[0]!, values: { ...accounts()[0]!.values, name: '旧名' } }] }, w.byId('accounts'))!
      const undo = ok(replayOps(accountsForm(), w.byId('accounts'), step.redo, validatorOf(accountsForm()), { now: 9 }))
      const tx = withDependents(undo.tx, { forms: w.forms, related: w.related })
      expect(putsOf(tx, 'deals').map(r => r.values.acc_name)).toEqual(['旧名', '旧名'])
    })

    it('should count records created in and deleted from a rolled-up form', () => {
      const parents = formOf('parents', [
        field('relation', { id: 'kids', options: { formId: 'accounts', multiple: true } }),
        field('rollup', { id: 'n', options: { relationField: 'kids', fn: 'count' } }),
        field('rollup', { id: 'max', options: { relationField: 'kids', targetField: 'revenue', fn: 'max' } }),
      ])
      const w = world([accountsForm(), parents], { accounts: accounts(), parents: [rec('p1', { kids: ['a1', 'a2'], n: 2, max: 100 })] })
      const tx = withDependents(deleteRecords(accountsForm(), ['a1'], { now: 9 }), { forms: w.forms, related: w.related })
      expect(putsOf(tx, 'parents')[0]!.values).toMatchObject({ n: 1, max: 50 })
    })

    it('should follow a chain: a lookup of a lookup', () => {
      const notes = formOf('notes', [
        field('relation', { id: 'deal', options: { formId: 'deals' } }),
        field('lookup', { id: 'deal_acc', options: { relationField: 'deal', targetField: 'acc_name' } }),
      ])
      const w = world([accountsForm(), dealsForm(), notes], { accounts: accounts(), deals: deals(), notes: [rec('n1', { deal: 'd3', deal_acc: '腾讯' })] })
      const edit = ok(updateRecords(accountsForm(), w.byId('accounts'), [{ recordId: 'a2', values: { name: '腾讯控股' } }], validatorOf(accountsForm()), { now: 9 }))
      const tx = withDependents(edit.tx, { forms: w.forms, related: w.related })
      expect(putsOf(tx, 'deals').map(r => r.values.acc_name)).toEqual(['腾讯控股'])
      expect(putsOf(tx, 'notes').map(r => r.values.deal_acc)).toEqual(['腾讯控股'])
    })

    it('should stop a cycle between forms (A rolls up B, which looks up A) after the round limit', () => {
      const a = formOf('A', [
        field('relation', { id: 'bs', options: { formId: 'B', multiple: true } }),
        field('number', { id: 'seed' }),
        field('rollup', { id: 'total', options: { relationField: 'bs', targetField: 'next', fn: 'sum' } }),
      ])
      const b = formOf('B', [
        field('relation', { id: 'a', options: { formId: 'A' } }),
        field('lookup', { id: 'a_total', options: { relationField: 'a', targetField: 'total' } }),
        field('formula', { id: 'next', options: { expression: '{a_total} + 1', resultType: 'number' } }),
      ])
      const w = world([a, b], { A: [rec('x', { bs: ['y'], seed: 0, total: 0 })], B: [rec('y', { a: 'x', a_total: 0, next: 1 })] })
      const edit = ok(updateRecords(a, w.byId('A'), [{ recordId: 'x', values: { seed: 1 } }], validatorOf(a), { now: 9, related: w.related }))
      const tx = withDependents(edit.tx, { forms: w.forms, related: w.related, maxRounds: 4 })
      // Each round raises the total by one; the limit ends it instead of looping forever.
      expect(putsOf(tx, 'A')).toHaveLength(1)
      expect(putsOf(tx, 'B')).toHaveLength(1)
      expect(putsOf(tx, 'A')[0]!.values.total).toBeLessThan(10)
    })

    it('should recompute MAPX formulas of another form when a field they read changes', () => {
      const accs = accountsForm([field('formula', { id: 'won', options: { expression: 'MAPX("sum", {name}, {deals.acc_name}, {deals.amount})', resultType: 'number' } })])
      const w = world([accs, dealsForm()], { accounts: accounts().map(r => ({ ...r, values: { ...r.values, won: { a1: 30, a2: 5, a3: 0 }[r.id] } })), deals: deals() })
      const edit = ok(updateRecords(dealsForm(), w.byId('deals'), [{ recordId: 'd1', values: { amount: 100 } }], validatorOf(dealsForm()), { now: 9, related: w.related }))
      const tx = withDependents(edit.tx, { forms: w.forms, related: w.related, formula: { forms: w.forms } })
      expect(putsOf(tx, 'accounts').map(r => [r.id, r.values.won])).toEqual([['a1', 120]])
      const title = ok(updateRecords(dealsForm(), w.byId('deals'), [{ recordId: 'd1', values: { title: 'x' } }], validatorOf(dealsForm()), { now: 9, related: w.related }))
      expect(dependentPuts(title.tx, { forms: w.forms, related: w.related }).size).toBe(0)
    })

    it('should give MAPX the other form\'s rows on the write path', () => {
      const accs = accountsForm([field('formula', { id: 'won', options: { expression: 'MAPX("sum", {name}, {deals.acc_name}, {deals.amount})', resultType: 'number' } })])
      const w = world([accs, dealsForm()], { accounts: accounts(), deals: deals() })
      const made = ok(createRecords(accs, [{ name: '华为' }], validatorOf(accs), { now: 9, related: w.related }))
      expect(made.records[0]!.values.won).toBe(30)
    })
  })
})
