/**
 * Several pipelines in one form (issue 13), as a user sets them up and reads them: the stage
 * editor splits the stages by 类型 by clicking, then the funnel widget, the app home's overview,
 * the grid and the kanban each show one pipeline's stages and records, with counts equal to a
 * count of the fixture made here; a deal moved into another pipeline without a stage of it is
 * refused with a message naming both. A form that does not split shows no switcher.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pipelineDeals, pipelinesBackup } from '../fixtures/pipelines-e2e'
import { openRestored } from './app-actions'
import { closeConfigPanel, pickConfigOption } from './dashboard-actions'
import { cell } from './grid-actions'
import { settled, shot, startSession } from './harness'

type Locale = 'zh-CN' | 'en'
const TEXT = {
  'zh-CN': {
    kind: '类型', fresh: '新客户', renewal: '续约', pipeline: '管道：',
    stages: { lead: '线索', demo: '演示', renew: '续约沟通', won: '成交', rwon: '续约成功', lost: '输单' } as Record<string, string>,
    refusal: '阶段：阶段「演示」不属于管道「续约」（可选：续约沟通、续约成功、输单）',
    records: (n: number) => `共 ${n} 条`,
  },
  'en': {
    kind: 'Type', fresh: 'New business', renewal: 'Renewal', pipeline: 'Pipeline: ',
    stages: { lead: 'Lead', demo: 'Demo', renew: 'Renewal talk', won: 'Won', rwon: 'Renewed', lost: 'Lost' } as Record<string, string>,
    refusal: 'Stage: the stage "Demo" is not in the pipeline "Renewal" (stages: Renewal talk, Renewed, Lost)',
    records: (n: number) => `${n} records`,
  },
}

/** An independent count of the fixture: deals of `pipeline` (an empty type is 新客户) now in `stage`. */
function count(pipeline: 'new' | 'renewal', stage?: string): number {
  return pipelineDeals().filter(d => (d.kind === 'renewal' ? 'renewal' : 'new') === pipeline && (stage === undefined || d.stage === stage)).length
}

/** The funnel widget's figures as the screen-reader table gives them: stage label -> count. */
async function funnelFigures(page: Page): Promise<[string, number][]> {
  const rows = await page.$$eval('[data-test=card-funnel] [data-test=widget-data] tr', trs => trs.map(r => [r.getAttribute('data-label') ?? '', r.getAttribute('data-value') ?? '']))
  return rows.map(([l, v]) => [l!, Number(v)])
}

/** How many rows the grid shows, as its toolbar counts them ("显示 11 / 共 27 条记录"): the first number. */
const rowCount = async (page: Page) => Number(/\d+/.exec((await page.textContent('[data-test=record-count]')) ?? '')?.[0])

const pipelineButton = (page: Page, scope: string, key: string) => page.locator(`${scope} [data-test=pipeline-option][data-pipeline="${key}"]`)

function suite(locale: Locale) {
  const tx = TEXT[locale]
  const name = (id: string) => tx.stages[id]!
  describe(`several pipelines (${locale})`, () => {
    let session: Session
    let page: Page
    beforeAll(async () => {
      session = await startSession({ locale })
      page = await openRestored(session, pipelinesBackup(), '/app/crm/form/deals')
    })
    afterAll(async () => session.close())

    it('should show no switcher while the stages do not split, and split them by clicking in the stage editor', async () => {
      expect(await page.locator('[data-test=pipeline-switcher]').count()).toBe(0)
      await page.goto(`${session.baseUrl}#/app/crm`)
      await page.waitForSelector('[data-test=funnel-overview] [data-test=funnel-step]')
      expect(await page.locator('[data-test=pipeline-switcher]').count()).toBe(0)

      await page.click('[data-test=funnel-overview] [data-test=stage-settings]')
      const editor = '[data-test=stage-editor]'
      await page.waitForSelector(`${editor} [data-test=stage-row]`)
      await pickConfigOption(page, `${editor} [data-test=pipeline-split-field]`, tx.kind)
      // 续约 keeps 续约沟通, 续约成功 and the shared 输单; 新客户 drops the renewal stages
      await pipelineButton(page, editor, 'renewal').click()
      for (const s of ['lead', 'demo', 'won']) await page.click(`${editor} [data-test=stage-row][data-stage=${s}] [data-test=stage-in-pipeline]`)
      await pipelineButton(page, editor, 'new').click()
      for (const s of ['renew', 'rwon']) await page.click(`${editor} [data-test=stage-row][data-stage=${s}] [data-test=stage-in-pipeline]`)
      const included = await page.$$eval(`${editor} [data-test=stage-row]`, rows => rows.map(r => [r.getAttribute('data-stage'), r.getAttribute('data-included')]))
      expect(included).toEqual([['lead', 'true'], ['demo', 'true'], ['renew', 'false'], ['won', 'true'], ['rwon', 'false'], ['lost', 'true']])
      // the counts beside the stages are the viewed pipeline's
      expect(await page.textContent(`${editor} [data-stage=lead] [data-test=stage-count]`)).toContain(String(count('new', 'lead')))
      await shot(page, `pipelines-stage-editor-${locale}`)
      await page.click('[data-test=stage-save]')
      await page.waitForSelector(editor, { state: 'detached' })
    })

    it('should switch the app home\'s funnel overview between the pipelines, each with its own stages', async () => {
      const overview = '[data-test=funnel-overview]'
      await pipelineButton(page, overview, 'new').waitFor()
      const steps = () => page.$$eval(`${overview} [data-test=funnel-step]`, els => els.map(e => e.getAttribute('data-stage')))
      await expect.poll(steps).toEqual(['lead', 'demo', 'won'])
      expect(await page.textContent(overview)).toContain(tx.records(count('new')))
      await pipelineButton(page, overview, 'renewal').click()
      await expect.poll(steps).toEqual(['renew', 'rwon'])
      expect(await page.textContent(overview)).toContain(tx.records(count('renewal')))
      await shot(page, `pipelines-overview-${locale}`)
    })

    it('should show each pipeline\'s own stages in the funnel widget, with counts equal to a count of the fixture', async () => {
      await page.goto(`${session.baseUrl}#/app/crm/dashboard/d1`)
      await page.waitForSelector('[data-test=card-funnel] [data-test=widget-data] tr')
      expect(await page.textContent('[data-test=card-funnel] [data-test=widget-subtitle]')).toContain(`${tx.pipeline}${tx.fresh}`)
      expect(await funnelFigures(page)).toEqual(['lead', 'demo', 'won'].map(s => [name(s), count('new', s)]))

      await page.click('[data-test=dashboard-mode]')
      await page.click('[data-test=card-funnel] [data-test=widget-configure]')
      await page.waitForSelector('[data-test=config-panel]')
      await pickConfigOption(page, '[data-test=cfg-pipeline]', tx.renewal)
      await closeConfigPanel(page)
      await page.click('[data-test=dashboard-mode]')
      await expect.poll(() => funnelFigures(page)).toEqual(['renew', 'rwon'].map(s => [name(s), count('renewal', s)]))
      expect(await page.textContent('[data-test=card-funnel] [data-test=widget-subtitle]')).toContain(`${tx.pipeline}${tx.renewal}`)
      await shot(page, `pipelines-funnel-widget-${locale}`)
    })

    it('should narrow the grid to one pipeline, offer its stages only, and refuse a deal moved into another pipeline', async () => {
      await page.goto(`${session.baseUrl}#/app/crm/form/deals`)
      await page.waitForSelector('.ag-row')
      const grid = '.grid-page'
      await pipelineButton(page, grid, '').waitFor()
      await pipelineButton(page, grid, 'stage:renewal').click()
      await expect.poll(() => rowCount(page)).toBe(count('renewal'))
      // a renewal deal's stage editor lists the renewal stages only
      await cell(page, 0, 'stage').dblclick()
      await page.waitForSelector('[data-test=pick-editor]')
      const picks = await page.$$eval('[data-test=pick-editor] .fg-pick-item', els => els.map(e => e.getAttribute('data-test')))
      expect(picks).toEqual(['pick-renew', 'pick-rwon', 'pick-lost'])
      await page.keyboard.press('Escape')
      await page.waitForSelector('[data-test=pick-editor]', { state: 'detached' })

      await pipelineButton(page, grid, '').click()
      await expect.poll(() => rowCount(page)).toBe(pipelineDeals().length)
      // row 0 is a 新客户 deal in 演示: making it a 续约 deal without a 续约 stage is refused, naming both
      await cell(page, 0, 'kind').dblclick()
      await page.click('[data-test=pick-editor] [data-test=pick-renewal]')
      const refusal = page.locator('.el-message--error', { hasText: tx.refusal })
      await refusal.first().waitFor()
      await expect.poll(() => cell(page, 0, 'kind').textContent()).toContain(tx.fresh)
      await shot(page, `pipelines-grid-refused-${locale}`)
    })

    it('should show the chosen pipeline\'s stages as kanban lanes, with that pipeline\'s deals', async () => {
      await page.click('[data-test=view-tab][data-view=board]')
      await page.waitForSelector('[data-test=kanban-lane]')
      const board = '.grid-page'
      // a kanban always shows one pipeline: no "all" button
      expect(await pipelineButton(page, board, '').count()).toBe(0)
      const lanes = () => page.$$eval('[data-test=kanban-lane]', els => els.map(e => [e.getAttribute('data-lane'), Number(e.querySelector('[data-test=kanban-count]')?.textContent)]))
      await pipelineButton(page, board, 'stage:new').click()
      await expect.poll(lanes).toEqual(['lead', 'demo', 'won', 'lost'].map(s => [s, count('new', s)]))
      await pipelineButton(page, board, 'stage:renewal').click()
      await expect.poll(lanes).toEqual(['renew', 'rwon', 'lost'].map(s => [s, count('renewal', s)]))
      await settled(page)
      await shot(page, `pipelines-kanban-${locale}`)
    })

    it('should fit the switcher in a phone\'s width and switch pipelines by keyboard', async () => {
      await page.setViewportSize({ width: 390, height: 844 })
      const board = '.grid-page'
      await pipelineButton(page, board, 'stage:renewal').waitFor()
      const box = await page.locator('[data-test=pipeline-switcher]').boundingBox()
      expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(390)
      // the radio group takes arrow keys: from 续约 back to 新客户
      await page.focus(`${board} [data-test=pipeline-option][data-pipeline="stage:renewal"] input`)
      await page.keyboard.press('ArrowLeft')
      await expect.poll(() => page.$$eval('[data-test=kanban-lane]', els => els.map(e => e.getAttribute('data-lane')))).toEqual(['lead', 'demo', 'won', 'lost'])
      await shot(page, `pipelines-phone-${locale}`)
      await page.setViewportSize({ width: 1360, height: 860 })
    })

    it('should open a saved kanban on the pipeline it was saved with, and a link\'s pipeline until another view is opened', async () => {
      const board = '.grid-page'
      const lanes = () => page.$$eval('[data-test=kanban-lane]', els => els.map(e => e.getAttribute('data-lane')))
      await pipelineButton(page, board, 'stage:renewal').click()
      await expect.poll(lanes).toEqual(['renew', 'rwon', 'lost'])
      await page.click('[data-test=view-save]')
      await page.locator('[data-test=view-save]').waitFor({ state: 'detached' })
      // reopened without the pipeline in the address: the view's own pipeline
      await page.goto(`${session.baseUrl}#/app/crm/form/deals`)
      await page.click('[data-test=view-tab][data-view=board]')
      await expect.poll(lanes).toEqual(['renew', 'rwon', 'lost'])
      expect(page.url()).not.toContain('pipeline=')
      // a link naming 新客户 wins while this view is open; the grid tab then shows every pipeline again
      // (the board is still the form's open view)
      await page.goto(`${session.baseUrl}#/app/crm/form/deals?pipeline=stage:new`)
      await expect.poll(lanes).toEqual(['lead', 'demo', 'won', 'lost'])
      await page.locator('[data-test=view-tab]').first().click()
      await expect.poll(() => page.url()).not.toContain('pipeline=')
      await expect.poll(() => pipelineButton(page, board, '').getAttribute('class')).toContain('is-active')
    })
  })
}

suite('zh-CN')
suite('en')
