import type { FieldDef } from '../../../../src/core/schema/types'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { autoMapColumns } from '../../../../src/core/io/auto-map'
import { parseCsv } from '../../../../src/core/io/csv-parse'
import { detectDateFormat } from '../../../../src/core/io/date-format'
import { decodeText } from '../../../../src/core/io/decode'
import { inferFields } from '../../../../src/core/io/infer-fields'
import { planImport } from '../../../../src/core/io/plan-import'
import { CRM_DIR, CRM_SKIP_REASON, hasCrmData } from '../../../shared-data'
import { form, simpleValidator } from '../../../fixtures/io'

/** Labels of a select field's options, by stored id. */
function countByLabel(values: unknown[], f: FieldDef): Record<string, number> {
  const labels = new Map(f.type === 'select' ? f.options.choices.map(c => [c.id, String(c.label)]) : [])
  const out: Record<string, number> = {}
  for (const v of values) {
    const label = labels.get(String(v)) ?? String(v)
    out[label] = (out[label] ?? 0) + 1
  }
  return out
}

describe.skipIf(!hasCrmData)(`real data: crm-sales-opportunities (${hasCrmData ? 'present' : CRM_SKIP_REASON})`, () => {
  describe('inferFields + planImport on sales_pipeline.csv', () => {
    it('should plan all 8,800 opportunities with DD-MM-YY dates and the README stage counts', () => {
      const { text, encoding } = decodeText(readFileSync(`${CRM_DIR}sales_pipeline.csv`))
      expect(encoding).toBe('utf-8')
      const table = parseCsv(text)
      expect(table.rows).toHaveLength(8800)
      const fields = inferFields(table.headers, table.rows)
      const byLabel = new Map(fields.map(f => [String(f.label), f]))
      expect(Object.fromEntries(fields.map(f => [f.label, f.type]))).toMatchObject({
        opportunity_id: 'text',
        sales_agent: 'select',
        product: 'select',
        deal_stage: 'select',
        engage_date: 'date',
        close_date: 'date',
        close_value: 'number',
      })
      const dateCols = table.headers.flatMap((h, i) => (byLabel.get(h)?.type === 'date' ? [i] : []))
      const detection = detectDateFormat(table.rows.flatMap(r => dateCols.map(i => r[i] ?? '')))
      expect(detection).toMatchObject({ format: 'DD-MM-YY', ambiguous: false })

      const f = form(fields)
      const plan = planImport({ ...table, mapping: autoMapColumns(table.headers, fields), form: f, dateFormat: detection.format, existing: [], validate: simpleValidator(f) })
      expect(plan.rejected).toEqual([])
      expect(plan.inserts).toHaveLength(8800)
      const stage = byLabel.get('deal_stage')
      if (!stage) throw new Error('no deal_stage field')
      expect(countByLabel(plan.inserts.map(v => v[stage.id]), stage)).toEqual({ Prospecting: 500, Engaging: 1589, Won: 4238, Lost: 2473 })
      const first = plan.inserts[0] ?? {}
      expect(first[byLabel.get('engage_date')?.id ?? '']).toBe('2016-10-20')
      expect(first[byLabel.get('close_date')?.id ?? '']).toBe('2017-03-01')
      expect(first[byLabel.get('close_value')?.id ?? '']).toBe(1054)
    })
  })
})
