import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../../../../src/core/io/csv-parse'
import { detectHistoryPreset, presetColumns, presetPropertyColumn, presetRowFilter, reconstructFromHistoryLog } from '../../../../../src/core/io/stage-history'
import { stage, stageField } from '../../../../fixtures/metrics'

// Small samples laid out like each CRM's documented export (no customer data).
const sample = (name: string) => parseCsv(readFileSync(new URL(`../../../../fixtures/io-history/${name}`, import.meta.url), 'utf8'))
const field = stageField([
  stage('s1', 'open', { label: 'Prospecting' }),
  stage('s2', 'open', { label: 'Negotiation' }),
  stage('won', 'won', { label: 'Closed Won' }),
  stage('lost', 'lost', { label: 'Closed Lost' }),
])

function rebuild(name: string, stageNames: Record<string, string> = {}) {
  const t = sample(name)
  const preset = detectHistoryPreset(t.headers)!
  const cols = presetColumns(preset, t.headers)
  const keep = presetRowFilter(preset, t.headers) ?? (() => true)
  const rows = t.rows.filter(keep).map(r => Object.fromEntries(t.headers.map((h, i) => [h, r[i] ?? ''])))
  // an export with amount rows (HubSpot's): they are read as the amount, as the dialog does
  const prop = presetPropertyColumn(preset, t.headers)
  const amountRows = preset.rows?.amounts && prop ? { amountRows: { column: prop, values: preset.rows.amounts } } : {}
  const r = reconstructFromHistoryLog(rows, { formId: 'f', field, columns: { key: cols.key!, stage: cols.stage!, at: cols.at! }, keyField: 'key', amountField: 'amount', stageNames, ...amountRows })
  return { preset, cols, r }
}

const chain = (r: ReturnType<typeof rebuild>['r'], key: string) => {
  const rec = r.records.find(x => x.values.key === key)!
  return r.events.filter(e => e.recordId === rec.id).map(e => e.to)
}

describe('presets', () => {
  it('should recognise a Salesforce OpportunityHistory export and map its columns', () => {
    const { preset, cols, r } = rebuild('salesforce-opportunity-history.csv')
    expect(preset.id).toBe('salesforce')
    expect(cols).toEqual({ key: 'OpportunityId', stage: 'StageName', at: 'CreatedDate', amount: 'Amount', order: 'Probability' })
    expect(r.badRows).toEqual([])
    expect(chain(r, '0061a00000AAAA1')).toEqual(['s1', 's2', 'won'])
  })

  it('should keep only the deal-stage rows of a HubSpot property history export', () => {
    const { preset, r } = rebuild('hubspot-deal-property-history.csv', { appointmentscheduled: 's1', contractsent: 's2', closedwon: 'won', closedlost: 'lost' })
    expect(preset.id).toBe('hubspot')
    expect(r.unknownStages).toEqual([])
    expect(chain(r, '9001')).toEqual(['s1', 's2', 'won'])
    expect(chain(r, '9002')).toEqual(['s1', 'lost'])
  })

  it('should read the amount rows of a HubSpot property history as each deal\'s amount', () => {
    const t = sample('hubspot-deal-property-history.csv')
    const { r } = rebuild('hubspot-deal-property-history.csv', { appointmentscheduled: 's1', contractsent: 's2', closedwon: 'won', closedlost: 'lost' })
    const latest = new Map<string, number>()
    for (const row of t.rows) if (row[1] === 'amount') latest.set(row[0]!, Number(row[2]))
    expect(latest.size).toBeGreaterThan(0)
    for (const [key, amount] of latest) expect(r.records.find(x => x.values.key === key)!.values.amount, key).toBe(amount)
    expect(r.badRows).toEqual([])
  })

  it('should keep only the stage changes of a Pipedrive deal changelog and list its stage ids for mapping', () => {
    const { preset, r } = rebuild('pipedrive-deal-changelog.csv')
    expect(preset.id).toBe('pipedrive')
    expect(r.unknownStages.map(u => u.name).sort()).toEqual(['1', '3', '5'])
    const mapped = rebuild('pipedrive-deal-changelog.csv', { 1: 's1', 3: 's2', 5: 'won' }).r
    expect(chain(mapped, '120')).toEqual(['s1', 's2', 'won'])
  })

  it('should not claim a file of another layout', () => {
    expect(detectHistoryPreset(['deal', 'stage', 'changed_at'])).toBeUndefined()
  })
})

describe('stage names of the presets', () => {
  it('should read HubSpot\'s internal stage names as the deals export\'s labels', () => {
    const { r } = rebuild('hubspot-deal-property-history.csv')
    expect(r.unknownStages.map(u => u.name).sort()).toEqual(['appointmentscheduled', 'contractsent'])
    expect(chain(r, '9002').at(-1)).toBe('lost')
    expect(chain(r, '9001').at(-1)).toBe('won')
  })

  it('should read a Pipedrive status change to won or lost as a move into that outcome', () => {
    const t = sample('pipedrive-deals-changelog.csv')
    const preset = detectHistoryPreset(t.headers)!
    const keep = presetRowFilter(preset, t.headers)!
    const kept = t.rows.filter(keep)
    expect(kept.every(r => r[1] === 'stage_id' || (r[1] === 'status' && ['won', 'lost'].includes(r[3]!)))).toBe(true)
    expect(kept.filter(r => r[1] === 'status').length).toBe(t.rows.filter(r => r[1] === 'status').length)
    const rows = kept.map(r => Object.fromEntries(t.headers.map((h, i) => [h, r[i] ?? ''])))
    const res = reconstructFromHistoryLog(rows, { formId: 'f', field, columns: { key: 'Deal ID', stage: 'new_value', at: 'log_time' }, keyField: 'key', stageNames: { 1: 's1', 2: 's1', 3: 's2', 4: 's2', 5: 's2' } })
    expect(res.unknownStages).toEqual([])
    const won = t.rows.filter(r => r[1] === 'status' && r[3] === 'won').map(r => r[0]!)
    for (const key of won) expect(chain(res as ReturnType<typeof rebuild>['r'], key).at(-1)).toBe('won')
  })
})
