import type { Page } from 'playwright-core'
import { confirmRestore } from './app-actions'
import type { Session } from './harness'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDesignerField, fieldIdByLabel } from './designer-actions'
import { colIdByHeader, fillField } from './grid-actions'
import { shot, startSession } from './harness'

function appBase(page: Page): string {
  const m = /#\/app\/([^/]+)\/form\/([^/]+)/.exec(page.url())
  return `${new URL(page.url()).origin}/#/app/${m![1]}/form/${m![2]}`
}

/** `n` bytes that are not all alike (byte i = (i * 31 + 7) % 256). */
function bytes(n: number): Buffer {
  const b = Buffer.alloc(n)
  for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) % 256
  return b
}

/** A real PNG drawn by the browser (a gradient with a label), so the thumbnail shows something. */
async function pngFromPage(page: Page): Promise<Buffer> {
  const url = await page.evaluate(() => {
    const c = document.createElement('canvas')
    c.width = 240
    c.height = 160
    const ctx = c.getContext('2d')!
    const g = ctx.createLinearGradient(0, 0, 240, 160)
    g.addColorStop(0, '#2f6bff')
    g.addColorStop(1, '#16a34a')
    ctx.fillStyle = g
    ctx.fillRect(0, 0, 240, 160)
    ctx.fillStyle = '#fff'
    ctx.font = 'bold 28px sans-serif'
    ctx.fillText('现场照片', 50, 90)
    return c.toDataURL('image/png')
  })
  return Buffer.from(url.split(',')[1]!, 'base64')
}

async function downloadFrom(page: Page, selector: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)])
  return readFileSync((await download.path())!)
}

describe('attachments: upload, reload, download, size limit, backup', () => {
  let session: Session
  let page: Page
  const ids = { title: '', files: '', photo: '' }
  const pdf = bytes(300_000)
  let png: Buffer
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
  })
  afterAll(async () => session.close())

  it('should build a form with an attachment and an image field by clicks', async () => {
    await page.click('[data-test=create-app]')
    await fillField(page, 'name-input', '合同管理')
    await page.click('[data-test=name-submit]')
    await page.waitForSelector('[data-test=app-title]')
    await page.click('[data-test=create-form]')
    await fillField(page, 'name-input', '合同')
    await page.click('[data-test=name-submit]')
    await page.waitForSelector('[data-test=form-title]')
    await page.goto(`${appBase(page)}/design`)
    await page.waitForSelector('[data-test=designer-canvas]')
    ids.title = await fieldIdByLabel(page, '标题')
    ids.files = await addDesignerField(page, 'attachment', '合同附件')
    ids.photo = await addDesignerField(page, 'image', '现场照片')
    await page.click('[data-test=designer-save]')
    await page.waitForSelector('[data-test=designer-clean]')
  })

  it('should upload a file and an image in the record form and show the thumbnail', async () => {
    png = await pngFromPage(page)
    await page.goto(`${appBase(page)}/new`)
    await page.waitForSelector('[data-test=form-renderer]')
    await fillField(page, `input-${ids.title}`, '华为年度合同')
    await page.setInputFiles(`[data-test=file-input-${ids.files}]`, { name: '合同正本.pdf', mimeType: 'application/pdf', buffer: pdf })
    await page.setInputFiles(`[data-test=file-input-${ids.photo}]`, { name: '现场.png', mimeType: 'image/png', buffer: png })
    await expect.poll(() => page.textContent(`[data-test=input-${ids.files}] [data-test=file-item]`)).toContain('合同正本.pdf')
    expect(await page.textContent(`[data-test=input-${ids.files}] [data-test=file-item]`)).toContain('293 KB')
    const thumb = page.locator(`[data-test=input-${ids.photo}] [data-test=file-thumb]`)
    await expect.poll(() => thumb.evaluate(img => (img as HTMLImageElement).naturalWidth)).toBe(240)
    await shot(page, 'attachments-form-zh')
    await page.click('[data-test=record-submit]')
    await page.waitForSelector('[data-test=form-title]')
    await expect.poll(() => page.textContent('[data-test=record-count]')).toContain('1')
  })

  it('should show a thumbnail and the file name in the grid after a reload', async () => {
    await page.reload()
    await page.waitForSelector('[data-test=form-title]')
    const photoCol = await colIdByHeader(page, '现场照片')
    const filesCol = await colIdByHeader(page, '合同附件')
    const thumb = page.locator(`.ag-row [col-id="${photoCol}"] [data-test=cell-thumb]`).first()
    await expect.poll(() => thumb.evaluate(img => (img as HTMLImageElement).naturalWidth)).toBe(240)
    expect(await page.locator(`.ag-row [col-id="${filesCol}"]`).first().textContent()).toContain('合同正本.pdf')
    await page.locator(`.ag-row [col-id="${filesCol}"] [data-test=cell-files]`).first().click()
    await page.locator('[data-test=cell-files-list]:visible').waitFor()
    await shot(page, 'attachments-grid-zh')
    const fromCell = await downloadFrom(page, '[data-test=cell-files-list]:visible [data-test=cell-file-download]')
    expect(fromCell.equals(pdf)).toBe(true)
    await page.keyboard.press('Escape')
  })

  it('should download the same bytes from the record drawer, refuse a too-big image, and upload there', async () => {
    const photoCol = await colIdByHeader(page, '现场照片')
    await page.locator(`.ag-row [col-id="${photoCol}"]`).first().dblclick()
    const drawer = page.locator('[data-test=record-drawer]')
    await drawer.waitFor()
    const got = await downloadFrom(page, `[data-test=record-drawer] [data-test=input-${ids.files}] [data-test=file-download]`)
    expect(got.equals(pdf)).toBe(true)
    const gotPng = await downloadFrom(page, `[data-test=record-drawer] [data-test=input-${ids.photo}] [data-test=file-download]`)
    expect(gotPng.equals(png)).toBe(true)

    await page.setInputFiles(`[data-test=record-drawer] [data-test=file-input-${ids.photo}]`, { name: '超大照片.png', mimeType: 'image/png', buffer: bytes(6 * 1024 * 1024) }, { timeout: 60_000 })
    const error = drawer.locator(`[data-test=input-${ids.photo}] [data-test=file-error]`)
    await error.waitFor()
    expect(await error.textContent()).toContain('「超大照片.png」有 6.0 MB，超过此字段的上限 5 MB，没有保存')
    expect(await drawer.locator(`[data-test=input-${ids.photo}] [data-test=file-item]`).count()).toBe(1)

    await page.setInputFiles(`[data-test=record-drawer] [data-test=file-input-${ids.files}]`, { name: '补充协议.txt', mimeType: 'text/plain', buffer: Buffer.from('补充协议：付款分三期。') })
    await expect.poll(() => drawer.locator(`[data-test=input-${ids.files}] [data-test=file-item]`).count()).toBe(2)
    await shot(page, 'attachments-drawer-zh')
    await page.click('[data-test=drawer-save]')
    const filesCol = await colIdByHeader(page, '合同附件')
    await expect.poll(() => page.locator(`.ag-row [col-id="${filesCol}"] [data-test=cell-files-count]`).first().textContent()).toBe('2')
  })

  it('should keep the files through backup, delete and restore', async () => {
    const origin = new URL(page.url()).origin
    await page.goto(`${origin}/#/settings`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=backup]')])
    const text = readFileSync((await download.path())!, 'utf8')
    const backup = JSON.parse(text) as { blobs?: { key: string, size: number }[] }
    expect(backup.blobs?.map(b => b.size).sort((a, b) => a - b)).toEqual([33, png.length, pdf.length].sort((a, b) => a - b))
    await page.goto(`${origin}/#/`)
    await page.click('[data-test=delete-app]')
    await page.locator('.el-message-box__btns .el-button--danger, .el-message-box__btns .el-button--primary').last().click()
    await page.waitForSelector('[data-test=home-empty]')
    await page.goto(`${origin}/#/settings`)
    await page.setInputFiles('[data-test=restore-file]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) })
    await confirmRestore(page)
    await page.waitForSelector('[data-test=backup]')
    await page.goto(`${origin}/#/`)
    await page.locator('[data-test=app-list]', { hasText: '合同管理' }).waitFor()
    await page.locator('[data-test=app-name]', { hasText: '合同管理' }).first().click()
    await page.locator('[data-test=side-form]', { hasText: '合同' }).first().click()
    await page.waitForSelector('[data-test=form-title]')
    const photoCol = await colIdByHeader(page, '现场照片')
    await page.locator(`.ag-row [col-id="${photoCol}"]`).first().dblclick()
    await page.locator('[data-test=record-drawer]').waitFor()
    const got = await downloadFrom(page, `[data-test=record-drawer] [data-test=input-${ids.files}] [data-test=file-item]:first-child [data-test=file-download]`)
    expect(got.equals(pdf)).toBe(true)
    const thumb = page.locator(`[data-test=record-drawer] [data-test=input-${ids.photo}] [data-test=file-thumb]`)
    await expect.poll(() => thumb.evaluate(img => (img as HTMLImageElement).naturalWidth)).toBe(240)
  })
})
