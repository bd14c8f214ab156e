import { describe, expect, it } from 'vitest'
import { getTemplate, listTemplates } from '../../../../src/core/template/templates'

describe('template/templates', () => {
  describe('listTemplates', () => {
    it('should list the sales-funnel template with its demo generator', () => {
      expect(listTemplates().map(t => [t.id, t.demo?.generator])).toEqual([['sales-funnel', 'sales-demo']])
    })

    it('should hand out copies, so editing one never changes the next', () => {
      const a = listTemplates()[0]
      if (a) a.bundle.forms.length = 0
      expect(listTemplates()[0]?.bundle.forms.length).toBe(11)
    })
  })

  describe('getTemplate', () => {
    it('should find a template by id and return undefined for an unknown id', () => {
      expect(getTemplate('sales-funnel')?.schemaVersion).toBe(1)
      expect(getTemplate('nope')).toBeUndefined()
    })
  })
})
