import type { FieldOf } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { dailyFired } from '../../../../src/core/automations/daily'
import { stageAlerts, stalledRecords } from '../../../../src/core/metrics'
import { formatDay, localDayOf, localMidnight } from '../../../../src/core/query/dates'
import { DAY, mixedPipeline } from '../../../fixtures/metrics'

const data = mixedPipeline()

/** The 'YYYY-MM-DD' of the local day `n` days after the local day of day 0. */
const dayText = (n: number) => formatDay(localDayOf(0) + n)
/** Local midnight starting that day. */
const midnight = (n: number) => localMidnight(localDayOf(0) + n)

/** The fixture with a snooze configured and H (s1 since day 5, limit 7 days) snoozed until `until`. */
function snoozed(until: string | null, reason = '等预算') {
  const field: FieldOf<'stage'> = { ...data.field, options: { ...data.field.options, snooze: { untilField: 'until', reasonField: 'why' } } }
  const records = data.records.map(r => (r.id === 'H' ? { ...r, values: { ...r.values, until, why: reason } } : r))
  return { ...data, field, records }
}

describe('stalled', () => {
  describe('stalledRecords', () => {
    it('should list open records past their stage threshold, not those exactly at it', () => {
      expect(stalledRecords({ ...data, options: { now: 20 * DAY } })).toEqual([
        { recordId: 'H', recordIndex: data.records.findIndex(r => r.id === 'H'), stageId: 's1', days: 15, thresholdDays: 7, since: 12 * DAY },
      ])
    })

    it('should measure from the latest entry into the current stage, longest first', () => {
      const s = stalledRecords({ ...data, options: { now: 21 * DAY } })
      expect(s.map(x => [x.recordId, x.days])).toEqual([['H', 16], ['C', 15]])
    })

    it('should never flag closed records or stages without a threshold', () => {
      const s = stalledRecords({ ...data, options: { now: 1000 * DAY } })
      expect(s.map(x => x.recordId).sort()).toEqual(['C', 'H'])
    })
  })

  describe('snooze', () => {
    it('should leave a snoozed deal out until its resume date, then list it again', () => {
      const input = snoozed(dayText(25))
      // C (s2 since day 6, limit 14) is stalled from day 20 and not snoozed: only H matters here
      const ids = (now: number) => stalledRecords({ ...input, options: { now } }).map(s => s.recordId).filter(id => id === 'H')
      expect(ids(midnight(20) + 3_600_000)).toEqual([])
      expect(ids(midnight(25) - 1)).toEqual([])
      // from the resume date on it is stalled again, and "became stalled" on that day
      const back = stalledRecords({ ...input, options: { now: midnight(25) + 60_000 } }).filter(s => s.recordId === 'H')
      expect(back).toHaveLength(1)
      expect(back[0]!.since).toBe(midnight(25))
    })

    it('should ignore a resume date in the past, an empty one, and one on a field without snooze settings', () => {
      expect(stalledRecords({ ...snoozed(dayText(10)), options: { now: 20 * DAY } }).map(s => [s.recordId, s.since])).toEqual([['H', 12 * DAY]])
      expect(stalledRecords({ ...snoozed(null), options: { now: 20 * DAY } }).map(s => s.recordId)).toEqual(['H'])
      const unconfigured = { ...snoozed(dayText(25)), field: data.field }
      expect(stalledRecords({ ...unconfigured, options: { now: 20 * DAY } }).map(s => s.recordId)).toEqual(['H'])
    })

    it('should tell stalled and snoozed deals apart for the grid and the kanban', () => {
      const alerts = stageAlerts({ ...snoozed(dayText(25)), options: { now: 21 * DAY } })
      expect(alerts.get('C')).toMatchObject({ kind: 'stalled', stalled: { days: 15 } })
      expect(alerts.get('H')).toMatchObject({ kind: 'snoozed', snooze: { until: dayText(25), reason: '等预算' }, stalled: { days: 16 } })
      expect([...alerts.keys()].sort()).toEqual(['C', 'H'])
    })

    it('should not fire the "became stalled" trigger while snoozed, and fire once when the snooze ends', () => {
      const input = snoozed(dayText(25))
      const auto = { id: 'a', name: 'stalled', enabled: true, trigger: { kind: 'stalled', formId: 'f', fieldId: 'stage' }, actions: [] } as never
      const form = { id: 'f', name: 'F', fields: [input.field] } as never
      const fired = (since: number, now: number) => dailyFired(auto, form, input.records, input.events, since, now).map(r => r.id)
      // H crossed its limit on day 12, before it was snoozed: nothing fires while snoozed
      expect(fired(midnight(21), midnight(24) + 1000)).toEqual([])
      // the check spanning the resume date fires H once; the next one does not
      expect(fired(midnight(24) + 1000, midnight(25) + 1000)).toEqual(['H'])
      expect(fired(midnight(25) + 1000, midnight(26))).toEqual([])
    })
  })
})
