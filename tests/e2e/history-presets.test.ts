/**
 * Moving in from HubSpot and from Pipedrive with the history, as a new user does it, on sample
 * exports laid out like each CRM's documented ones (tests/fixtures/io-history, no customer
 * data): a form from the current-state file, then the history export onto those records — and
 * the other way round (a few deals first, the history, then "update records by key" from the
 * current-state file). The funnel, the win rate and the median days per stage the app shows
 * equal figures computed here with plain code over the history file; no record is deleted and
 * every other column of the current-state file is kept.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app-actions'
import { fillField } from './grid-actions'
import { settled, shot, startSession } from './harness'
import { expectCount, funnelShown, newFormFromFile, openHistoryImport, writeHistory } from './history-actions'
import { confirmLeftOut, downloadBackup, pickOption } from './io-actions'

interface Backup {
  forms: { id: string, name: unknown, fields: { id: string, type: string, label: unknown, options?: { stages?: { id: string, label: unknown, kind: string }[], choices?: { id: string, label: string }[] } }[] }[]
  records: Record<string, { id: string, values: Record<string, unknown> }[]>
  changes: { formId: string, recordId: string, at: number, changes?: { field: string, from: unknown, to: unknown }[] }[]
}

const DAY = 86_400_000
const dir = new URL('../fixtures/io-history/', import.meta.url)
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8')
const table = (text: string) => text.trim().split(/\r?\n/).map(l => l.split(','))

/** One CRM's pair of exports and how its history names stages (from the CRM's documentation). */
interface Crm {
  name: string
  /** The layout the history import recognises (its name in the 文件格式 select). */
  layout: string
  current: string
  history: string
  /** Current-state file: the deal id column, the stage column (0-based, made a 阶段 field) and its header. */
  keyHeader: string
  stageCol: number
  /** The open stages in funnel order, then the won and the lost stage, as the current-state file labels them. */
  open: string[]
  won: string
  lost: string
  /** The won stage as the zh-CN UI names it (an outcome the file lacked is added as 赢单 / Won). */
  wonShown?: string
  /** The history row → its stage changes as [deal id, stage label, time]. */
  change: (row: string[]) => [string, string, number][]
  /** Stage names the history holds that the user maps by hand (Pipedrive's stage ids). */
  mapByHand?: Record<string, string>
  /** The current stage is set from the history (Pipedrive keeps won/lost in a status column). */
  updateCurrent?: boolean
  /** Current-state columns the "update by key" import leaves out (the history already holds the stage). */
  skipOnUpdate?: string[]
  /** The history row → its amount change as [deal id, amount, time] (HubSpot's `amount` property rows). */
  amount?: (row: string[]) => [string, number, number] | undefined
  /** The current-state file's amount column (its header). */
  amountHeader?: string
}

const HUBSPOT_STAGES: Record<string, string> = {
  appointmentscheduled: 'Appointment Scheduled',
  qualifiedtobuy: 'Qualified To Buy',
  presentationscheduled: 'Presentation Scheduled',
  decisionmakerboughtin: 'Decision Maker Bought-In',
  contractsent: 'Contract Sent',
  closedwon: 'Closed Won',
  closedlost: 'Closed Lost',
}
const PIPEDRIVE_STAGES: Record<string, string> = { 1: 'Qualified', 2: 'Contact Made', 3: 'Demo Scheduled', 4: 'Proposal Made', 5: 'Negotiations Started' }

const CRMS: Crm[] = [
  {
    name: 'hubspot',
    layout: 'HubSpot',
    current: read('hubspot-deals-current.csv'),
    history: read('hubspot-deals-history.csv'),
    keyHeader: 'Record ID',
    stageCol: 3,
    open: ['Appointment Scheduled', 'Qualified To Buy', 'Presentation Scheduled', 'Decision Maker Bought-In', 'Contract Sent'],
    won: 'Closed Won',
    lost: 'Closed Lost',
    change: r => (r[1] === 'dealstage' ? [[r[0]!, HUBSPOT_STAGES[r[2]!]!, Date.parse(r[3]!)]] : []),
    amount: r => (r[1] === 'amount' ? [r[0]!, Number(r[2]), Date.parse(r[3]!)] : undefined),
    amountHeader: 'Amount',
  },
  {
    name: 'pipedrive',
    layout: 'Pipedrive',
    current: read('pipedrive-deals-current.csv'),
    history: read('pipedrive-deals-changelog.csv'),
    keyHeader: 'Deal - ID',
    stageCol: 5,
    open: ['Qualified', 'Contact Made', 'Demo Scheduled', 'Proposal Made', 'Negotiations Started'],
    won: 'Won',
    lost: 'Lost',
    wonShown: '赢单',
    change: (r) => {
      const at = Date.parse(`${r[4]!.replace(' ', 'T')}Z`)
      if (r[1] === 'stage_id') return [[r[0]!, PIPEDRIVE_STAGES[r[3]!]!, at]]
      if (r[1] === 'status' && (r[3] === 'won' || r[3] === 'lost')) return [[r[0]!, r[3] === 'won' ? 'Won' : 'Lost', at]]
      return []
    },
    mapByHand: PIPEDRIVE_STAGES,
    updateCurrent: true,
    skipOnUpdate: ['Deal - Stage'],
  },
  {
    // a 简道云 data log of the stage field: one row per change, newest first, Chinese headers
    name: 'jiandaoyun',
    layout: '通用',
    current: read('jiandaoyun-deals-current.csv'),
    history: read('jiandaoyun-stage-log.csv'),
    keyHeader: '商机编号',
    stageCol: 3,
    open: ['线索', '需求确认', '方案报价', '谈判'],
    won: '赢单',
    lost: '输单',
    change: r => [[r[0]!, r[1]!, Date.parse(`${r[2]!.replace(' ', 'T')}:00Z`)]],
  },
]

/**
 * One date column per stage (线索日期 … 谈判日期, and 结束日期 for won and lost): the file is its
 * own history, so the form made from it is the whole move. Each dated stage is an entry; the
 * close date is the outcome's, for deals now won or lost.
 */
const DATED: Crm = {
  name: 'stage-dates',
  layout: '',
  current: read('stage-date-columns.csv'),
  history: read('stage-date-columns.csv'),
  keyHeader: '商机编号',
  stageCol: 2,
  open: ['线索', '需求确认', '方案报价', '谈判'],
  won: '赢单',
  lost: '输单',
  change: (r) => {
    const dated = r.slice(4, 8).flatMap((d, k): [string, string, number][] => (d ? [[r[0]!, DATED.open[k]!, Date.parse(d)]] : []))
    return r[8] && (r[2] === DATED.won || r[2] === DATED.lost) ? [...dated, [r[0]!, r[2]!, Date.parse(r[8])]] : dated
  },
}

/** The figures, by plain code over the history file. */
function expected(crm: Crm) {
  const byDeal = new Map<string, { stage: string, at: number }[]>()
  for (const row of table(crm.history).slice(1)) {
    for (const c of crm.change(row)) {
      const list = byDeal.get(c[0]) ?? []
      list.push({ stage: c[1], at: c[2] })
      byDeal.set(c[0], list)
    }
  }
  const depth = (list: { stage: string }[]) => (list.some(x => x.stage === crm.won) ? crm.open.length + 1 : Math.max(...list.map(x => crm.open.indexOf(x.stage))) + 1)
  const deals = [...byDeal.values()].map(l => l.sort((a, b) => a.at - b.at))
  const won = deals.filter(l => l.at(-1)!.stage === crm.won).length
  const lost = deals.filter(l => l.at(-1)!.stage === crm.lost).length
  const funnel = [...crm.open, crm.won].map((_, k) => deals.filter(l => depth(l) >= k + 1).length)
  // completed stays per open stage: entered, then left for another stage
  const stays = new Map(crm.open.map(s => [s, [] as number[]]))
  for (const l of deals) {
    for (let i = 0; i + 1 < l.length; i++) if (l[i + 1]!.stage !== l[i]!.stage) stays.get(l[i]!.stage)?.push((l[i + 1]!.at - l[i]!.at) / DAY)
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b)
    const m = s.length >> 1
    return s.length === 0 ? null : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
  }
  // stays still open: deals whose last change put them in an open stage, since then
  const since = new Map(crm.open.map(s => [s, [] as number[]]))
  for (const l of deals) since.get(l.at(-1)!.stage)?.push(l.at(-1)!.at)
  return {
    deals: byDeal.size,
    openSince: crm.open.map(s => ({ stage: s, median: (now: number) => median(since.get(s)!.map(at => (now - at) / DAY)) })),
    funnel,
    winRate: `${(100 * won / (won + lost)).toFixed(1)}%`,
    medianDays: crm.open.map(s => ({ stage: s, visits: stays.get(s)!.length, days: median(stays.get(s)!) })),
  }
}

/** The history import up to its summary: the preset detected, stage ids mapped by hand where the CRM needs it. */
async function importHistory(page: Page, crm: Crm, fileName: string) {
  await openHistoryImport(page, fileName, crm.history)
  await expect.poll(() => page.textContent('[data-test=io-history-preset]')).toContain(crm.layout)
  if (crm.updateCurrent) await page.click('[data-test=io-history-update-current]')
  // what it leaves out is listed (the other properties' rows of a property-history export) and confirmed
  const otherRows = table(crm.history).slice(1).filter(r => crm.change(r).length === 0 && !crm.amount?.(r)).length
  if (otherRows) expect(await page.textContent('[data-test=io-history-skipped]')).toContain(`另有 ${otherRows} 行是其他属性的变更`)
  expect(await page.locator('[data-test=io-history-check]').isDisabled()).toBe(true)
  await confirmLeftOut(page, 'history')
  await page.click('[data-test=io-history-check]')
  if (crm.mapByHand) {
    await page.waitForSelector('[data-test=io-history-unknown]')
    const names = await page.locator('[data-test=io-history-unknown] .io-unknown-row strong').allTextContents()
    expect([...names].sort()).toEqual(Object.keys(crm.mapByHand).sort())
    for (const [i, n] of names.entries()) {
      await pickOption(page, `io-history-stage-map-${i}`, crm.mapByHand[n]!)
      await settled(page)
    }
  }
  await page.waitForSelector('[data-test=io-history-summary]', { timeout: 60_000 })
  await shot(page, `${fileName.replace(/\.csv$/, '')}-summary-zh`)
}

/** A dashboard with a time-in-stage bar (median days of completed stays per stage), read from its figures. */
async function timeInStageShown(page: Page, dashboardName: string, formName: string): Promise<{ label: string, days: number | null, open: number | null }[]> {
  await page.click('[data-test=create-dashboard]')
  await fillField(page, 'name-input', dashboardName)
  await page.click('[data-test=name-submit]')
  await page.waitForSelector('[data-test=dashboard-empty]')
  await page.click('[data-test=dashboard-mode]')
  await page.locator('[data-test=add-widget]').first().click()
  await page.locator('[data-test=palette-bar]:visible').click()
  await page.waitForSelector('[data-test=config-panel]')
  await pickOption(page, 'cfg-form', formName)
  await settled(page)
  await pickOption(page, 'cfg-stage-metric', '停留')
  await page.locator('[data-test=config-panel] .el-drawer__close-btn').click()
  await page.waitForSelector('[data-test=config-panel]', { state: 'detached' })
  await page.click('[data-test=dashboard-mode]')
  const rows = page.locator('[data-widget-id] [data-test=widget-data] tr')
  await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(0)
  return rows.evaluateAll(trs => trs.map((r) => {
    const [done, open] = (r.getAttribute('data-value') ?? '').split(' / ').map(v => (v === undefined || v === '' || v === 'null' ? null : Number(v)))
    return { label: r.getAttribute('data-label') ?? '', days: done ?? null, open: open ?? null }
  }))
}

/** Every deal of the current-state file is a record, with its other columns (a sample of them) kept. */
function expectColumnsKept(crm: Crm, form: Backup['forms'][number], records: Backup['records'][string]) {
  const [headers, ...rows] = table(crm.current)
  expect(records).toHaveLength(rows.length)
  const fieldOf = (h: string) => form.fields.find(f => f.label === h)!
  const key = fieldOf(crm.keyHeader).id
  const byKey = new Map(records.map(r => [String(r.values[key]), r]))
  for (const row of rows) {
    const rec = byKey.get(row[0]!)
    expect(rec, `deal ${row[0]}`).toBeDefined()
    headers!.forEach((h, col) => {
      if (col === crm.stageCol || row[col] === '') return
      const f = fieldOf(h)
      const stored = rec!.values[f.id]
      const choice = f.options?.choices?.find(c => c.id === stored)?.label
      const shown = choice ?? (typeof stored === 'number' ? String(stored) : String(stored ?? ''))
      if (f.type === 'date') expect(shown.slice(0, 10), `${h} of ${row[0]}`).toBe(row[col]!.slice(0, 10))
      else expect(shown, `${h} of ${row[0]}`).toBe(row[col])
    })
  }
}

/**
 * Each deal's amount is the latest of its amount rows, and each later change of it is in the
 * amount field's change log at its time (what the waterfall and as-of figures read), by plain
 * code over the history file.
 */
function expectAmounts(crm: Crm, backup: Backup, formName: string) {
  if (!crm.amount) return
  const form = backup.forms.find(f => f.name === formName)!
  const amountField = form.fields.find(f => f.label === crm.amountHeader)!.id
  const keyField = form.fields.find(f => f.label === crm.keyHeader)!.id
  const series = new Map<string, [number, number][]>()
  for (const row of table(crm.history).slice(1)) {
    const a = crm.amount(row)
    if (a) series.set(a[0], [...series.get(a[0]) ?? [], [a[1], a[2]]])
  }
  expect([...series.values()].some(l => l.length > 1), 'the sample changes some amounts').toBe(true)
  const records = backup.records[form.id]!
  for (const [deal, list] of series) {
    list.sort((a, b) => a[1] - b[1])
    const rec = records.find(r => String(r.values[keyField]) === deal)!
    expect(rec.values[amountField], `amount of ${deal}`).toBe(list.at(-1)![0])
    const logged = backup.changes
      .filter(c => c.recordId === rec.id && c.at < Date.UTC(2025, 0, 1))
      .flatMap(c => (c.changes ?? []).filter(x => x.field === amountField).map(x => [c.at, x.from, x.to]))
    expect(logged, `amount changes of ${deal}`).toEqual(list.slice(1).map((x, i) => [x[1], list[i]![0], x[0]]))
  }
}

async function checkFigures(page: Page, crm: Crm, formName: string, dashboardName: string) {
  const want = expected(crm)
  const backup = await downloadBackup<Backup>(page)
  expectAmounts(crm, backup, formName)
  const form = backup.forms.find(f => f.name === formName)!
  const { names, steps, winRate } = await funnelShown(page, form.id)
  await shot(page, `history-${crm.name}-funnel-zh`)
  expect(names).toEqual([...crm.open, crm.wonShown ?? crm.won])
  expect(steps).toEqual(want.funnel)
  expect(winRate).toBe(want.winRate)
  const shown = await timeInStageShown(page, dashboardName, formName)
  await shot(page, `history-${crm.name}-time-in-stage-zh`)
  for (const s of want.medianDays) {
    const row = shown.find(r => r.label.startsWith(s.stage))
    expect(row, s.stage).toBeDefined()
    expect(row!.label).toContain(String(s.visits))
    if (s.days === null) expect(row!.days).toBeNull()
    else expect(row!.days).toBeCloseTo(s.days, 6)
  }
  // still in stage: only the open deals, since their last change (a won deal is in no stage,
  // whatever stage its current-state row was imported in)
  const now = Date.now()
  for (const s of want.openSince) {
    const row = shown.find(r => r.label.startsWith(s.stage))!
    const days = s.median(now)
    if (days === null) expect(row.open, s.stage).toBeNull()
    else expect(Math.abs(row.open! - days), s.stage).toBeLessThan(0.05)
  }
  expectColumnsKept(crm, form, backup.records[form.id]!)
}

describe('moving in from HubSpot, Pipedrive and a 简道云 log with the history', () => {
  let session: Session
  let page: Page

  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
    await createApp(page, '搬家')
  }, 60_000)
  afterAll(async () => session.close())

  for (const crm of CRMS) {
    it(`should take the ${crm.name} deals export, then its history onto those deals, and show the independent figures`, async () => {
      const want = expected(crm)
      const name = `${crm.name}_deals`
      await newFormFromFile(page, `${name}.csv`, crm.current, crm.stageCol)
      await expectCount(page, want.deals)
      await importHistory(page, crm, `${crm.name}-history.csv`)
      expect(await page.textContent('[data-test=io-history-summary]')).toContain(`匹配到 ${want.deals} 条已有记录`)
      // the stages in funnel order, from the moves the deals made
      expect((await page.locator('[data-test=io-history-order-list-item] .io-so-name').allTextContents()).map(s => s.trim())).toEqual(crm.open)
      expect(await page.textContent('[data-test=io-history-funnel]')).toContain([...crm.open, crm.wonShown ?? crm.won].map((s, k) => `${s} ${want.funnel[k]}`).join(' → '))
      await shot(page, `history-${crm.name}-check-zh`)
      await writeHistory(page)
      await checkFigures(page, crm, name, `${crm.name} 看板`)
    }, 300_000)

    it(`should take the ${crm.name} history first, then "update records by key" from the deals export, keeping the history`, async () => {
      const want = expected(crm)
      const name = `${crm.name}_later`
      const [head, ...rows] = crm.current.trim().split(/\r?\n/)
      // a form from the first few deals (enough to name every stage and every choice of the
      // other select columns: the update's rows must fit the form); the history creates the rest
      const stagesOf = (list: string[]) => new Set(list.map(r => r.split(',')[crm.stageCol]!)).size
      let n = 6
      while (stagesOf(rows.slice(0, n)) < stagesOf(rows)) n++
      const seed = rows.slice(0, n)
      await newFormFromFile(page, `${name}.csv`, [head, ...seed].join('\n'), crm.stageCol)
      await expectCount(page, seed.length)
      await importHistory(page, crm, `${crm.name}-later-history.csv`)
      await writeHistory(page)
      await expectCount(page, want.deals)
      // the deals the history created have their amount (and its changes) from the amount rows
      expectAmounts(crm, await downloadBackup<Backup>(page), name)

      await page.locator('[data-test=import-open]').first().click()
      await page.waitForSelector('[data-test=io-records-panel]')
      await page.setInputFiles('[data-test=io-records-panel] [data-test=io-file-input]', { name: `${crm.name}-deals.csv`, mimeType: 'text/csv', buffer: Buffer.from(crm.current) })
      await page.waitForSelector('[data-test=io-mapping]')
      for (const h of crm.skipOnUpdate ?? []) await page.selectOption(`[data-test=io-map-${head!.split(',').indexOf(h)}]`, '__skip__')
      if (crm.skipOnUpdate) {
        expect(await page.textContent('[data-test=io-skipped]')).toContain(`${crm.skipOnUpdate[0]}：已设为「不导入」`)
        await confirmLeftOut(page)
      }
      await pickOption(page, 'io-upsert', crm.keyHeader)
      await page.click('[data-test=io-plan]')
      await page.waitForSelector('[data-test=io-write]', { timeout: 60_000 })
      expect(await page.textContent('[data-test=io-review-summary]')).toContain(`全部可以导入：新增 0 条，更新 ${want.deals} 条`)
      await page.click('[data-test=io-write]')
      await page.waitForSelector('[data-test=io-finish]', { timeout: 120_000 })
      await page.click('[data-test=io-finish]')
      await expectCount(page, want.deals)
      await checkFigures(page, crm, name, `${crm.name} 看板 2`)
    }, 300_000)
  }

  it('should take a file with one date column per stage as the deals and their history, and show the independent figures', async () => {
    await page.click('[data-test=create-form-from-file]')
    await page.setInputFiles('[data-test=io-file-input]', { name: 'stage_dates.csv', mimeType: 'text/csv', buffer: Buffer.from(DATED.current) })
    await page.waitForSelector('[data-test=nf-fields]')
    await pickOption(page, `nf-type-${DATED.stageCol}`, '阶段')
    // each stage's date column is proposed by its name, the close date for both outcomes
    const dates = page.locator('[data-test=io-stage-dates]')
    await dates.waitFor()
    const headers = table(DATED.current)[0]!
    for (const [k, stage] of [...DATED.open, DATED.won, DATED.lost].entries()) {
      const item = dates.locator('.io-sd-item', { hasText: stage }).first()
      expect(await item.textContent(), stage).toContain(headers[4 + Math.min(k, 4)])
    }
    await shot(page, 'history-stage-dates-new-form-zh')
    await page.click('[data-test=nf-create]')
    await page.waitForSelector('[data-test=nf-done]', { timeout: 60_000 })
    await page.click('[data-test=nf-open]')
    await expectCount(page, expected(DATED).deals)
    await checkFigures(page, DATED, 'stage_dates', '阶段日期看板')
  }, 300_000)
})
