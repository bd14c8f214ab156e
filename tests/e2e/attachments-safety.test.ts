import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDesignerField } from './designer-actions'
import { confirmRestore, createAppWithForm } from './app-actions'
import { colIdByHeader } from './grid-actions'
import { shot, startSession } from './harness'

// Would mark every place it runs: the opener, this origin's storage and the page title.
const PAYLOAD = `try{window.opener&&(window.opener.__pwned=1)}catch(e){}try{localStorage.setItem('pwned','1')}catch(e){}try{top.__pwned=1}catch(e){}document.title='pwned'`
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" onload="${PAYLOAD.replaceAll('&', '&amp;')}"><rect width="120" height="80" fill="#2f6bff"/><script><![CDATA[${PAYLOAD}]]></script></svg>`
const HTML = `<!doctype html><script>${PAYLOAD}</script><p>not an image</p>`

function appBase(page: Page): string {
  const m = /#\/app\/([^/]+)\/form\/([^/]+)/.exec(page.url())
  return `${new URL(page.url()).origin}/#/app/${m![1]}/form/${m![2]}`
}

describe('attachments: stored files never run as pages of the app', () => {
  let session: Session
  let page: Page
  let photo = ''
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
  })
  afterAll(async () => session.close())

  async function expectUnharmed(): Promise<void> {
    const pages = session.context.pages()
    expect(pages.map(p => p.url()).filter(u => u.startsWith('blob:') || u.startsWith('data:'))).toEqual([])
    expect(pages).toHaveLength(1)
    for (const p of pages) {
      expect(await p.evaluate(() => [(window as { __pwned?: number }).__pwned ?? null, localStorage.getItem('pwned'), document.title === 'pwned'])).toEqual([null, null, false])
    }
  }

  async function previewShows(): Promise<void> {
    const img = page.locator('.el-image-viewer__wrapper img').first()
    await expect.poll(() => img.evaluate(i => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
  }

  it('should show an uploaded SVG with scripts as an image only, in the app', async () => {
    await createAppWithForm(page, '安全', '图片')
    await page.goto(`${appBase(page)}/design`)
    await page.waitForSelector('[data-test=designer-canvas]')
    photo = await addDesignerField(page, 'image', '照片')
    await page.click('[data-test=designer-save]')
    await page.waitForSelector('[data-test=designer-clean]')
    await page.goto(`${appBase(page)}/new`)
    await page.waitForSelector('[data-test=form-renderer]')
    await page.setInputFiles(`[data-test=file-input-${photo}]`, { name: 'evil.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(SVG) })
    const thumb = page.locator(`[data-test=input-${photo}] [data-test=file-thumb]`)
    await expect.poll(() => thumb.evaluate(i => (i as HTMLImageElement).naturalWidth)).toBe(120)
    await page.click(`[data-test=input-${photo}] [data-test=file-preview]`)
    await previewShows()
    await shot(page, 'attachments-preview-svg')
    await expectUnharmed()
    await page.keyboard.press('Escape')
    await page.click('[data-test=record-submit]')
    await page.waitForSelector('[data-test=form-title]')
  })

  it('should preview from the grid cell in the app too', async () => {
    const col = await colIdByHeader(page, '照片')
    await page.locator(`.ag-row [col-id="${col}"] [data-test=cell-files]`).first().click()
    await page.locator('[data-test=cell-files-list]:visible [data-test=cell-file-preview]').first().click()
    await previewShows()
    await expectUnharmed()
    await page.keyboard.press('Escape')
  })

  it('should show a restored SVG as an image and a text/html blob filed as an image as a download only', async () => {
    const origin = new URL(page.url()).origin
    await page.goto(`${origin}/#/settings`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=backup]')])
    const backup = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { records: Record<string, { values: Record<string, unknown> }[]>, blobs?: unknown[] }
    const rows = Object.values(backup.records).find(r => r.some(x => Array.isArray(x.values[photo])))!
    const files = rows[0]!.values[photo] as unknown[]
    files.push({ id: 'f_html', name: 'photo.png', mime: 'image/png', size: HTML.length, key: 'file_html' })
    backup.blobs = [...backup.blobs ?? [], { key: 'file_html', mime: 'text/html', size: Buffer.byteLength(HTML), data: Buffer.from(HTML).toString('base64') }]
    await page.setInputFiles('[data-test=restore-file]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) })
    await confirmRestore(page)
    await page.waitForSelector('[data-test=backup]')
    await page.goto(`${origin}/#/`)
    await page.locator('[data-test=app-name]', { hasText: '安全' }).first().click()
    await page.locator('[data-test=side-form]', { hasText: '图片' }).first().click()
    await page.waitForSelector('[data-test=form-title]')
    const col = await colIdByHeader(page, '照片')
    await page.locator(`.ag-row [col-id="${col}"]`).first().dblclick()
    const drawer = page.locator('[data-test=record-drawer]')
    await drawer.waitFor()
    await drawer.locator(`[data-test=input-${photo}] [data-test=file-not-image]`).waitFor()
    expect(await drawer.locator(`[data-test=input-${photo}] [data-test=file-thumb]`).count()).toBe(1)
    await drawer.locator(`[data-test=input-${photo}] [data-test=file-not-image]`).click()
    await drawer.locator(`[data-test=input-${photo}] [data-test=file-preview]`).click()
    await previewShows()
    expect(await page.locator('.el-image-viewer__wrapper img').count()).toBe(1)
    await expectUnharmed()
    await page.keyboard.press('Escape')
    await page.locator('.el-image-viewer__wrapper').waitFor({ state: 'detached' })
    const [saved] = await Promise.all([page.waitForEvent('download'), drawer.locator(`[data-test=input-${photo}] [data-test=file-download]`).last().click()])
    expect(readFileSync((await saved.path())!, 'utf8')).toBe(HTML)
    await expectUnharmed()
  })
})
