/**
 * The history import's bad input and unknown stages, as a user meets them (issue 15): a
 * match-only import with keys no record has, a time that is not one and stage changes given
 * twice shows the count of each and downloads those rows with their row numbers and reasons;
 * a stage name the form does not have is added as a new stage, placed in funnel order before
 * the outcomes, and its changes land in it. The expected figures are computed here with plain
 * code over the files.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCsv } from '../../src/core/io/csv-parse'
import { createApp } from './app-actions'
import { settled, shot, startSession } from './harness'
import { expectCount, funnelShown, newFormFromFile, openHistoryImport, writeHistory } from './history-actions'
import { confirmLeftOut, downloadBackup, pickOption } from './io-actions'

interface Backup {
  forms: { id: string, name: unknown, fields: { id: string, type: string, label: unknown, options?: { stages?: { id: string, label: unknown, kind: string }[] } }[] }[]
  stageEvents: { formId: string, recordId: string, from: string | null, to: string, at: number }[]
}

const dir = new URL('../fixtures/io-history/', import.meta.url)
const CURRENT = readFileSync(new URL('jiandaoyun-deals-current.csv', dir), 'utf8')
const LOG = readFileSync(new URL('jiandaoyun-stage-log.csv', dir), 'utf8')
const lines = (text: string) => text.trim().split(/\r?\n/)
const cells = (text: string) => lines(text).slice(1).map(l => l.split(','))
const OPEN = ['线索', '需求确认', '方案报价', '谈判']
const HEADER = lines(LOG)[0]!

/** A second log, for match-only: a new change, keys of no deal, a time that is not one, a change the form holds, a row given twice. */
const SECOND = [
  HEADER,
  'SJ-2024-001,需求确认,2024-06-01 10:00,张伟',
  'SJ-2099-001,线索,2024-06-02 09:00,张伟',
  'SJ-2024-011,需求确认,不是时间,李娜',
  'SJ-2099-001,需求确认,2024-06-05 09:00,张伟',
  'SJ-2024-020,赢单,2024-05-13 21:00,李娜',
  'SJ-2024-001,需求确认,2024-06-01 10:00,张伟',
  'SJ-2099-002,谈判,2024-06-03 15:00,王芳',
].join('\n')

/** What the second log sets aside, by plain code: row number (line 1 is the header), key and kind. */
function setAside(): { row: number, key: string, kind: string }[] {
  const deals = new Set(cells(CURRENT).map(r => r[0]!))
  const inForm = new Set(cells(LOG).map(r => r.slice(0, 3).join(',')))
  const seen = new Set<string>()
  const out: { row: number, key: string, kind: string }[] = []
  cells(SECOND).forEach((r, i) => {
    const row = i + 2
    const sig = r.slice(0, 3).join(',')
    if (!/^\d{4}-\d\d-\d\d \d\d:\d\d$/.test(r[2]!)) out.push({ row, key: r[0]!, kind: '时间无法识别' })
    else if (seen.has(sig) || inForm.has(sig)) out.push({ row, key: r[0]!, kind: '重复的阶段变更' })
    else if (!deals.has(r[0]!)) out.push({ row, key: r[0]!, kind: '标识找不到' })
    seen.add(sig)
  })
  return out
}

/** The stage log with a stage the form lacks (商务审批) between 谈判 or 方案报价 and the outcome, for three deals. */
const NEW_STAGE = '商务审批'
const WITH_NEW = [...lines(LOG), `SJ-2024-020,${NEW_STAGE},2024-05-12 10:00,李娜`, `SJ-2024-018,${NEW_STAGE},2024-05-01 09:00,王芳`, `SJ-2024-017,${NEW_STAGE},2024-05-20 11:00,李娜`].join('\n')

/** Cumulative funnel by plain code: each deal reaches the highest open stage it entered; won reaches every stage. */
function funnelOf(text: string, open: string[]): number[] {
  const byDeal = new Map<string, string[]>()
  for (const r of cells(text)) byDeal.set(r[0]!, [...byDeal.get(r[0]!) ?? [], r[1]!])
  const depth = (stages: string[]) => (stages.includes('赢单') ? open.length + 1 : Math.max(...stages.map(s => open.indexOf(s))) + 1)
  const deals = [...byDeal.values()]
  return [...open, '赢单'].map((_, k) => deals.filter(d => depth(d) >= k + 1).length)
}

async function checkWithConfirm(page: Page): Promise<void> {
  if (await page.locator('[data-test=io-history-skipped-confirm]').count()) await confirmLeftOut(page, 'history')
  await page.click('[data-test=io-history-check]')
}

describe('history import: rows set aside, and unknown stages added as new ones', () => {
  let session: Session
  let page: Page

  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
    await createApp(page, '搬家')
  }, 60_000)
  afterAll(async () => session.close())

  it('should count unknown keys (match-only), unreadable times and repeated stage changes, and download those rows with their reasons', async () => {
    await newFormFromFile(page, 'jdy_a.csv', CURRENT, 3)
    await expectCount(page, 20)
    await openHistoryImport(page, 'log.csv', LOG)
    await checkWithConfirm(page)
    await page.waitForSelector('[data-test=io-history-summary]')
    await writeHistory(page)

    await openHistoryImport(page, 'second.csv', SECOND)
    await page.click('[data-test=io-history-match-only]')
    await checkWithConfirm(page)
    await page.waitForSelector('[data-test=io-history-summary]')
    const want = setAside()
    const count = (kind: string) => want.filter(w => w.kind === kind)
    const unknownKeys = new Set(count('标识找不到').map(w => w.key))
    await expect.poll(() => page.textContent('[data-test=io-history-count-badTime]')).toContain(`时间无法识别：${count('时间无法识别').length} 行`)
    expect(await page.textContent('[data-test=io-history-count-notFound]')).toContain(`标识在表单中找不到：${unknownKeys.size} 个标识，${count('标识找不到').length} 行`)
    expect(await page.textContent('[data-test=io-history-count-duplicate]')).toContain(`重复的阶段变更：${count('重复的阶段变更').length} 行`)
    // the one new change still goes in
    expect(await page.textContent('[data-test=io-history-summary]')).toContain('其中 1 条会改变')
    await shot(page, 'history-set-aside-zh')

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=io-history-issues]')])
    expect(download.suggestedFilename()).toBe('second-阶段历史问题.csv')
    const report = parseCsv(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''))
    const [head, rows] = [report.headers, report.rows]
    expect(head).toEqual(['类型', '行号', '记录标识', '原因'])
    expect(rows.map(r => ({ row: Number(r[1]), key: r[2], kind: r[0] }))).toEqual(want)
    const reasonOf = (row: number) => rows.find(r => Number(r[1]) === row)![3]!
    for (const w of count('标识找不到')) expect(reasonOf(w.row)).toBe('表单中没有')
    expect(reasonOf(count('时间无法识别')[0]!.row)).toContain('时间无法识别')
    expect(reasonOf(count('时间无法识别')[0]!.row)).toContain('不是时间')
    // a row given twice names the row it repeats; a change the form holds says which
    const [held, twice] = count('重复的阶段变更')
    expect(reasonOf(held!.row)).toBe('表单中已有这个阶段变更：赢单，2024-05-13 21:00:00')
    expect(reasonOf(twice!.row)).toBe('与第 2 行相同')
    await writeHistory(page)

    // the same file again: 0 records would change, a warning (never a success) and nothing to write
    await openHistoryImport(page, 'second-again.csv', SECOND)
    await page.click('[data-test=io-history-match-only]')
    await checkWithConfirm(page)
    const summary = page.locator('[data-test=io-history-summary]')
    await expect.poll(() => summary.textContent()).toContain('0 条记录会改变')
    expect(await summary.getAttribute('class')).toContain('el-alert--warning')
    expect(await page.locator('[data-test=io-history-write]').isDisabled()).toBe(true)
    expect(await page.textContent('[data-test=io-history-count-duplicate]')).toContain(`重复的阶段变更：${count('重复的阶段变更').length + 1} 行`)
    await page.keyboard.press('Escape')
    await page.locator('[data-test=import-dialog]').waitFor({ state: 'hidden' })
  }, 300_000)

  it('should add an unknown stage name as a new stage before the outcomes, with its changes in it, and show it in the funnel', async () => {
    await newFormFromFile(page, 'jdy_b.csv', CURRENT, 3)
    await expectCount(page, 20)
    await openHistoryImport(page, 'with-new.csv', WITH_NEW)
    await checkWithConfirm(page)
    await page.waitForSelector('[data-test=io-history-unknown]')
    expect(await page.textContent('[data-test=io-history-unknown] .io-unknown-row strong')).toBe(NEW_STAGE)
    // nothing is written until the name is mapped
    expect(await page.locator('[data-test=io-history-write]').isDisabled()).toBe(true)
    await pickOption(page, 'io-history-stage-map-0', `新增阶段「${NEW_STAGE}」`)
    await settled(page)
    // the new stage is placed by the deals' moves, after 谈判 and before the outcomes, and marked new
    const order = page.locator('[data-test=io-history-order-list-item] .io-so-name')
    await expect.poll(async () => (await order.allTextContents()).map(s => s.trim())).toEqual([...OPEN, `${NEW_STAGE}（新增）`])
    expect(await page.textContent('[data-test=io-history-order-added]')).toContain(NEW_STAGE)
    const open = [...OPEN, NEW_STAGE]
    const want = funnelOf(WITH_NEW, open)
    expect(await page.textContent('[data-test=io-history-funnel]')).toContain([...open, '赢单'].map((s, k) => `${s} ${want[k]}`).join(' → '))
    await shot(page, 'history-new-stage-zh')
    await writeHistory(page)

    const backup = await downloadBackup<Backup>(page)
    const form = backup.forms.find(f => f.name === 'jdy_b')!
    const stages = form.fields.find(f => f.type === 'stage')!.options!.stages!
    expect(stages.map(s => [s.label, s.kind])).toEqual([...open.map(s => [s, 'open']), ['赢单', 'won'], ['输单', 'lost']])
    const added = stages.find(s => s.label === NEW_STAGE)!
    const into = backup.stageEvents.filter(e => e.formId === form.id && e.to === added.id)
    expect(into).toHaveLength(WITH_NEW.split(NEW_STAGE).length - 1)
    const { names, steps } = await funnelShown(page, form.id)
    expect(names).toEqual([...open, '赢单'])
    expect(steps).toEqual(want)
    await shot(page, 'history-new-stage-funnel-zh')
  }, 300_000)
})
