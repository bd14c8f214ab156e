import type { FieldDef } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { autoMapColumns } from '../../../../src/core/io/auto-map'
import { parseCsv } from '../../../../src/core/io/csv-parse'
import { planImport } from '../../../../src/core/io/plan-import'
import { rejectedToCsv } from '../../../../src/core/io/rejected-csv'
import { field, form, simpleValidator } from '../../../fixtures/io'

describe('planImport on a generated 1,000-row file with 10 bad rows', () => {
  const fields: FieldDef[] = [
    field('text', { id: 'name', label: '商机名称' }),
    field('number', { id: 'amount', label: '金额' }),
    field('date', { id: 'close', label: '预计成交日期' }),
    field('select', { id: 'stage', label: '阶段', options: { choices: ['潜在客户识别', '接触和交流', '需求分析'].map((l, i) => ({ id: `s${i}`, label: l })) } }),
  ]
  const stages = ['潜在客户识别', '接触和交流', '需求分析']
  const bad = new Map<number, [string, string]>()
  for (let k = 0; k < 10; k++) {
    const kind = ['amount', 'close', 'stage'][k % 3] as string
    bad.set(37 + k * 97, [kind, kind === 'amount' ? `12x${k}` : kind === 'close' ? `2024-13-0${k}` : `未知阶段${k}`])
  }
  const lines = ['商机名称,金额,预计成交日期,阶段']
  for (let i = 0; i < 1000; i++) {
    const cells = { amount: String(1000 + i * 7.5), close: `2024-${String(1 + (i % 12)).padStart(2, '0')}-15`, stage: stages[i % 3] ?? '' }
    const b = bad.get(i)
    if (b) cells[b[0] as keyof typeof cells] = b[1]
    lines.push(`商机${i},${cells.amount},${cells.close},${cells.stage}`)
  }

  it('should plan 990 rows and list the 10 bad ones with line, column and reason', () => {
    const table = parseCsv(lines.join('\n'))
    const f = form(fields)
    const plan = planImport({ ...table, mapping: autoMapColumns(table.headers, fields), form: f, existing: [], validate: simpleValidator(f) })
    expect(plan.inserts).toHaveLength(990)
    expect(plan.rejectedRows).toBe(10)
    expect(plan.rejected.map(r => [r.row, r.column, r.value])).toEqual([...bad].map(([i, [kind, value]]) => [i + 2, { amount: '金额', close: '预计成交日期', stage: '阶段' }[kind], value]))
    const expected = { amount: (v: string) => `"${v}" is not a number`, close: (v: string) => `"${v}" is not a valid date`, stage: (v: string) => `no option "${v}"` }
    plan.rejected.forEach((r, k) => {
      const [kind, value] = [...bad.values()][k] ?? ['', '']
      expect(r.reason.en.startsWith(expected[kind as keyof typeof expected](value))).toBe(true)
    })
    expect(rejectedToCsv(plan.rejected).trim().split('\r\n')).toHaveLength(11)
  })
})
