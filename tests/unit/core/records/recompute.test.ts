import { describe, expect, it } from 'vitest'
import { derivedDefinitionsChanged, fillDerived, recomputeRows, rowsMissingLinks, withRecomputed } from '../../../../src/core/records/recompute'
import { relatedRowsOf } from '../../../../src/core/records/related-rows'
import { planTemplateInstall } from '../../../../src/core/template/install'
import { field } from '../../../fixtures/fields'
import { accounts, accountsForm, dealsForm, formOf, rec } from '../../../fixtures/derived'
import { members, NOW, salesTemplate } from '../../../fixtures/template'

describe('recompute', () => {
  describe('recomputeRows', () => {
    it('should return only the records whose lookups were stale, revision raised and updatedAt kept', () => {
      const rows = [rec('d1', { account: 'a1' }), rec('d2', { account: 'a2', acc_name: '腾讯', acc_industry: 'b' })]
      const out = recomputeRows(dealsForm(), rows, { related: relatedRowsOf({ accounts: accounts() }) })
      expect(out.map(r => [r.id, r.values.acc_name, r.rev, r.updatedAt])).toEqual([['d1', '华为', 2, 1]])
    })

    it('should return nothing for a form without derived fields', () => {
      expect(recomputeRows(accountsForm(), accounts(), { related: relatedRowsOf({}) })).toEqual([])
    })
  })

  describe('derivedDefinitionsChanged', () => {
    it('should notice a changed lookup target but not a renamed label', () => {
      const before = dealsForm()
      const renamed = { ...before, fields: before.fields.map(f => (f.id === 'acc_name' ? { ...f, label: '名字' } : f)) }
      const retargeted = { ...before, fields: before.fields.map(f => (f.id === 'acc_name' ? { ...f, options: { relationField: 'account', targetField: 'revenue' } } : f)) }
      expect(derivedDefinitionsChanged(before, renamed)).toBe(false)
      expect(derivedDefinitionsChanged(before, retargeted as typeof before)).toBe(true)
    })
  })

  describe('withRecomputed', () => {
    it('should put every record whose lookup changes under a new target, in the save\'s transaction', () => {
      const deals = [rec('d1', { account: 'a1', acc_name: '华为', acc_industry: 'a' }), rec('d2', { account: 'a2', acc_name: '腾讯', acc_industry: 'b' })]
      const form = dealsForm()
      const retargeted = { ...form, fields: form.fields.map(f => (f.id === 'acc_name' ? { ...f, options: { relationField: 'account', targetField: 'revenue' } } : f)) } as typeof form
      const save = { defs: { put: [{ kind: 'form' as const, doc: retargeted }] }, records: { deals: { put: [{ ...deals[1]!, values: { ...deals[1]!.values, title: 'x' }, rev: 2 }] } } }
      const tx = withRecomputed(retargeted, save, { related: relatedRowsOf({ accounts: accounts(), deals }) })
      expect(tx.defs).toBe(save.defs)
      expect(tx.records!.deals!.put!.map(r => [r.id, r.values.acc_name, r.values.title ?? null, r.rev])).toEqual([['d2', 50, 'x', 2], ['d1', 100, null, 2]])
    })
  })

  describe('rowsMissingLinks', () => {
    it('should find the records with no stored lookup value at all, not those holding null', () => {
      const rows = [rec('d1', { account: 'a1' }), rec('d2', { account: null, acc_name: null, acc_industry: null })]
      expect(rowsMissingLinks(dealsForm(), rows).map(r => r.id)).toEqual(['d1'])
      expect(rowsMissingLinks(accountsForm(), rows)).toEqual([])
    })
  })

  describe('fillDerived', () => {
    it('should fill forms that read forms written with them, in dependency order', () => {
      const notes = formOf('notes', [
        field('relation', { id: 'deal', options: { formId: 'deals' } }),
        field('lookup', { id: 'deal_acc', options: { relationField: 'deal', targetField: 'acc_name' } }),
      ])
      // Listed before the forms it reads: the order of the list must not matter.
      const out = fillDerived([notes, dealsForm(), accountsForm()], {
        notes: [rec('n1', { deal: 'd1' })],
        deals: [rec('d1', { account: 'a1' })],
        accounts: accounts(),
      }, relatedRowsOf({}))
      expect(out.deals![0]!.values.acc_name).toBe('华为')
      expect(out.notes![0]!.values).toEqual({ deal: 'd1', deal_acc: '华为' })
      expect(out.notes![0]!.rev).toBe(1)
    })
  })

  describe('template install', () => {
    it('should fill the three lookup fields of the sales template\'s demo data', () => {
      const plan = planTemplateInstall(salesTemplate(), { withDemo: true, now: NOW, members: members(3) })
      const form = (name: string) => plan.bundle.forms.find(f => (f.name as { en: string }).en === name)!
      const rows = (name: string) => plan.records[form(name).id] ?? []
      const byId = (name: string) => new Map(rows(name).map(r => [r.id, r]))
      const fieldId = (name: string, en: string, type: string) => form(name).fields.find(f => f.type === type && (f.label as { en: string }).en === en)!.id
      // Contacts show their account's industry.
      const accountsById = byId('Accounts')
      const contact = rows('Contacts').find(r => r.values[fieldId('Contacts', 'Account', 'relation')])!
      const account = accountsById.get(contact.values[fieldId('Contacts', 'Account', 'relation')] as string)!
      expect(contact.values[fieldId('Contacts', 'Account industry', 'lookup')]).toBe(account.values[fieldId('Accounts', 'Industry', 'select')])
      // Activities show their opportunity's account; payments their contract's account.
      const opps = byId('Opportunities')
      const acts = rows('Activities').filter(r => r.values[fieldId('Activities', 'Opportunity', 'relation')])
      expect(acts.length).toBeGreaterThan(0)
      for (const a of acts) {
        const opp = opps.get(a.values[fieldId('Activities', 'Opportunity', 'relation')] as string)!
        expect(a.values[fieldId('Activities', 'Account', 'lookup')]).toBe(opp.values[fieldId('Opportunities', 'Account', 'relation')])
      }
      const contracts = byId('Contracts')
      const pays = rows('Payments')
      expect(pays.length).toBeGreaterThan(0)
      for (const p of pays) {
        const ct = contracts.get(p.values[fieldId('Payments', 'Contract', 'relation')] as string)!
        expect(p.values[fieldId('Payments', 'Account', 'lookup')]).toBe(ct.values[fieldId('Contracts', 'Account', 'relation')])
        expect(p.values[fieldId('Payments', 'Account', 'lookup')]).toBeTruthy()
      }
    })
  })
})
