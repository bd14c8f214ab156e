/**
 * A chart label named `__proto__` (hardening issue, finding B): zrender's text-width cache is
 * a plain object, so without the shield in setChartOption drawing that label adds prev/next to
 * every object of the page, select cells go blank and later saves fail. The bar chart here is
 * grouped on a text field holding `__proto__` and `constructor`.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gridEditBackup } from '../fixtures/grid-edit'
import { cell, editCell } from './grid-actions'
import { startSession } from './harness'

type Backup = ReturnType<typeof gridEditBackup> & { apps: { dashboardIds: string[] }[], records: { deals: { values: Record<string, unknown> }[] } }

/** The grid-edit backup with two deals named `__proto__`, one `constructor`, and a bar chart of deals per name. */
function hostileBackup(): Backup {
  const b = gridEditBackup() as Backup
  const t = 1_700_000_000_000
  const names = ['__proto__', '__proto__', 'constructor']
  names.forEach((n, i) => { b.records.deals[i]!.values.name = n })
  b.apps[0]!.dashboardIds = ['dash1']
  b.dashboards = [{
    schemaVersion: 1,
    id: 'dash1',
    appId: 'app1',
    name: '名称图',
    widgets: [{ id: 'w1', type: 'bar', title: '按名称', layout: { x: 0, y: 0, w: 6, h: 6 }, config: { formId: 'deals', dimension: { field: 'name' } } }],
    createdAt: t,
    updatedAt: t,
  }]
  return b
}

async function restore(session: Session, backup: unknown): Promise<Page> {
  const page = await session.open('#/settings')
  await page.waitForSelector('[data-test=restore-file]', { state: 'attached' })
  await page.setInputFiles('[data-test=restore-file]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) })
  await Promise.all([page.waitForEvent('load'), page.locator('.el-message-box__btns .el-button--primary').click()])
  await page.waitForSelector('[data-test=backup]')
  return page
}

/** What every plain object of the page inherits beyond the standard, plus `({}).prev`. */
function pollution(page: Page): Promise<{ extra: string[], prev: string }> {
  return page.evaluate(() => {
    const standard = new Set(['constructor', '__defineGetter__', '__defineSetter__', 'hasOwnProperty', '__lookupGetter__', '__lookupSetter__', 'isPrototypeOf', 'propertyIsEnumerable', 'toString', 'valueOf', '__proto__', 'toLocaleString'])
    return { extra: Object.getOwnPropertyNames(Object.prototype).filter(k => !standard.has(k)), prev: typeof ({} as Record<string, unknown>).prev }
  })
}

describe('hostile labels: a bar chart of names __proto__ and constructor', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await restore(session, hostileBackup())
  })
  afterAll(async () => session.close())

  it('should draw the chart with the names and leave Object.prototype alone', async () => {
    await page.goto(`${session.baseUrl}#/app/app1/dashboard/dash1`)
    await page.locator('[data-widget-id="w1"] [data-test=widget-chart] canvas').first().waitFor()
    const labels = () => page.$$eval('[data-widget-id="w1"] [data-test=widget-data] tr', rows => rows.map(r => r.getAttribute('data-label')))
    await expect.poll(labels).toEqual(expect.arrayContaining(['__proto__', 'constructor']))
    expect(await pollution(page)).toEqual({ extra: [], prev: 'undefined' })
  })

  it('should still draw select cells and save a grid edit that survives a reload', async () => {
    await page.goto(`${session.baseUrl}#/app/app1/form/deals`)
    await cell(page, 19, 'name').waitFor()
    await expect.poll(() => cell(page, 0, 'level').textContent()).toBe('重点')
    await editCell(page, 3, 'name', '改过的商机')
    await expect.poll(() => cell(page, 3, 'name').textContent()).toBe('改过的商机')
    expect(await page.locator('[data-test=save-failure]').count()).toBe(0)
    await page.reload()
    await cell(page, 19, 'name').waitFor()
    await expect.poll(() => cell(page, 3, 'name').textContent()).toBe('改过的商机')
    expect(await pollution(page)).toEqual({ extra: [], prev: 'undefined' })
    expect(session.errors).toEqual([])
  })
})
