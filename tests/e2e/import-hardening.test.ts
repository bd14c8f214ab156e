// Files from strangers (issue 18, items 4, 7 and 7b): a 2,000-column file imports without a
// long task over 200 ms, a 10,000-column one is refused by count, binary files are refused by
// kind, a mixed encoding is asked about, rows wider than the header are listed, closing the
// page while a new form's rows are checked stores nothing, and an import closed mid-write
// reports exactly what is stored and resumes to exactly the file's rows.
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { gbkBytes } from '../fixtures/io-e2e/files'
import { createAppWithForm } from './app-actions'
import { fillField } from './grid-actions'
import { shot, startSession } from './harness'
import { confirmLeftOutIfAny, recordTotal, resumeImport } from './io-actions'

interface LongTask { start: number, duration: number }

declare global {
  interface Window { fgLongTasks?: LongTask[] }
}

/** Every long task of the page from its start, collected by a PerformanceObserver. */
function observeLongTasks(): void {
  window.fgLongTasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.fgLongTasks?.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
}

const now = (page: Page) => page.evaluate(() => performance.now())

/** The longest task that started between `from` and `to` (page clock), in ms; 0 if none. */
async function longestTask(page: Page, from: number, to: number): Promise<number> {
  const tasks = await page.evaluate(() => window.fgLongTasks ?? [])
  return Math.max(0, ...tasks.filter(t => t.start + t.duration >= from && t.start <= to).map(t => t.duration))
}

async function openImport(page: Page) {
  await page.locator('[data-test=import-open]').first().click()
  await page.waitForSelector('[data-test=io-records-panel]')
}

const fileDir = mkdtempSync(join(tmpdir(), 'fg-import-'))

/**
 * Chooses a file as a user would: from disk, so the browser reads it natively (a buffer given
 * to setInputFiles is rebuilt by script in the page, a long task the app never caused).
 */
async function upload(page: Page, name: string, bytes: Uint8Array | string) {
  const path = join(fileDir, name)
  writeFileSync(path, bytes)
  await page.setInputFiles('[data-test=io-file-input]', path)
}

async function closeDialog(page: Page) {
  await page.keyboard.press('Escape')
  await page.waitForSelector('[data-test=import-dialog]', { state: 'detached' })
}

/** Titles of the form's records in a downloaded backup. */
async function backupTitles(page: Page, formName: string): Promise<string[]> {
  const back = page.url()
  await page.goto(`${new URL(back).origin}/#/settings`)
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=backup]')])
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8')) as { forms: { id: string, name: unknown, fields: { id: string }[] }[], records: Record<string, { values: Record<string, unknown> }[]> }
  await page.goto(back)
  const form = backup.forms.find(f => f.name === formName)!
  const title = form.fields[0]!.id
  return (backup.records[form.id] ?? []).map(r => String(r.values[title]))
}

/** Opens Import, picks a file, confirms the columns left out and checks every row: the review is shown. */
async function checkFile(page: Page, name: string, csv: string): Promise<void> {
  await openImport(page)
  await upload(page, name, csv)
  await page.waitForSelector('[data-test=io-mapping]')
  await confirmLeftOutIfAny(page)
  await page.click('[data-test=io-plan]')
  await page.waitForSelector('[data-test=io-review-summary]')
}

function wideCsv(columns: number, rows: number): string {
  const header = ['标题', ...Array.from({ length: columns - 1 }, (_, i) => `列${i + 2}`)]
  const lines = [header.join(',')]
  for (let r = 0; r < rows; r++) lines.push([`客户${r}`, ...Array.from({ length: columns - 1 }, (_, i) => String((r * 31 + i) % 1000))].join(','))
  return `${lines.join('\n')}\n`
}

function titlesCsv(rows: number): string {
  return `标题,备注\n${Array.from({ length: rows }, (_, i) => `客户${String(i).padStart(5, '0')},第${i}行`).join('\n')}\n`
}

describe('import hardening in the browser', () => {
  let session: Session
  let page: Page
  /** The context clock was installed (a test pauses it to hold the import between batches). */
  let clockInstalled = false
  let formPath = ''

  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    await session.context.addInitScript(observeLongTasks)
    page = await session.open()
    await createAppWithForm(page, '加固', '客户')
    formPath = page.url().slice(session.baseUrl.length)
  })
  // Each test starts on the form's page with no dialog open, whatever the one before left.
  beforeEach(async () => {
    if (page.isClosed()) page = await session.open(formPath)
    else await page.reload()
    await page.waitForSelector('[data-test=import-open]')
  })
  // A test that paused the page clock and failed before resuming it would leave every later test
  // with timers that never fire (the clock is the context's): time runs again after each test.
  afterEach(async () => {
    if (clockInstalled) await session.context.clock.resume()
  })
  afterAll(async () => {
    await session.close()
    rmSync(fileDir, { recursive: true, force: true })
  })

  it('should import a 2,000-column file with no task over 200 ms, drawing only the mapping rows in view', async () => {
    const csv = wideCsv(2000, 100)
    await openImport(page)
    const from = await now(page)
    await upload(page, 'wide.csv', csv)
    await page.waitForSelector('[data-test=io-mapping]')
    await page.waitForSelector('[data-test=io-preview]')
    expect(await page.textContent('[data-test=io-file-summary]')).toContain('2000 列')
    const drawn = await page.locator('[data-test=io-map-row]').count()
    expect(drawn).toBeGreaterThan(0)
    expect(drawn).toBeLessThan(40)
    // Scrolling to the end draws the last columns.
    await page.locator('[data-test=io-mapping]').evaluate(e => e.parentElement!.scrollTo(0, e.parentElement!.scrollHeight))
    await expect.poll(() => page.locator('[data-test=io-map-row]', { hasText: '列2000' }).count()).toBe(1)
    const shown = await now(page)
    await confirmLeftOutIfAny(page)
    await page.click('[data-test=io-plan]')
    await page.waitForSelector('[data-test=io-review-summary]')
    await page.click('[data-test=io-write]')
    await page.waitForSelector('[data-test=io-done-summary]', { timeout: 30_000 })
    const to = await now(page)
    const untilShown = await longestTask(page, from, shown)
    const overall = await longestTask(page, from, to)
    const tasks = await page.evaluate(() => window.fgLongTasks ?? [])
    console.info(`2,000 columns: longest task ${untilShown} ms until the mapping was shown, ${overall} ms through the import`, JSON.stringify(tasks.filter(t => t.start + t.duration >= from).map(t => [Math.round(t.start - from), Math.round(t.duration)])), Math.round(shown - from), Math.round(to - from))
    expect(overall).toBeLessThan(200)
    expect(await page.textContent('[data-test=io-done-summary]')).toContain('100')
    await page.click('[data-test=io-finish]')
    await expect.poll(() => recordTotal(page)).toBe(100)
  })

  it('should refuse a 10,000-column file naming its count and the limit', async () => {
    await openImport(page)
    await upload(page, 'too-wide.csv', wideCsv(10_000, 3))
    await page.waitForSelector('[data-test=io-refused]', { timeout: 30_000 })
    expect(await page.textContent('[data-test=io-refused]')).toContain('文件有 10,000 列，最多 2,000 列')
    expect(await page.locator('[data-test=io-mapping]').count()).toBe(0)
    await closeDialog(page)
  })

  it('should refuse binary files given as .csv by what they are', async () => {
    await openImport(page)
    const png = Uint8Array.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ...Array.from({ length: 2000 }, (_, i) => i % 256)])
    await upload(page, 'photo.csv', png)
    await expect.poll(() => page.textContent('[data-test=io-refused]')).toContain('PNG 图片')
    const zip = Uint8Array.from([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...Array.from({ length: 500 }, (_, i) => i % 200)])
    await upload(page, 'book.csv', zip)
    await expect.poll(() => page.textContent('[data-test=io-refused]')).toContain('Excel 工作簿或压缩包')
    const junk = Uint8Array.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256))
    await upload(page, 'junk.csv', junk)
    await expect.poll(() => page.textContent('[data-test=io-refused]')).toContain('二进制内容')
    expect(await page.locator('[data-test=io-mapping]').count()).toBe(0)
    await closeDialog(page)
  })

  it('should ask which encoding a mixed UTF-8/GBK file is in, showing the line each way', async () => {
    const utf8 = new TextEncoder().encode('标题,金额\n华为技术,8800\n小米科技,1200\n')
    const gbk = gbkBytes('永辉超市,350\n')
    const bytes = new Uint8Array([...utf8, ...gbk])
    await openImport(page)
    await upload(page, 'mixed.csv', bytes)
    await page.waitForSelector('[data-test=io-encoding-doubt]')
    expect(await page.textContent('[data-test=io-encoding-doubt]')).toContain('第 4 行')
    expect(await page.textContent('[data-test=io-doubt-sample-gb18030]')).toBe('永辉超市,350')
    await shot(page, 'import-encoding-doubt-zh')
    expect(await page.textContent('[data-test=io-doubt-sample-utf-8]')).toContain('\uFFFD')
    expect(await page.locator('[data-test=io-mapping]').count()).toBe(0)
    await page.click('[data-test=io-doubt-utf-8]')
    await page.waitForSelector('[data-test=io-mapping]')
    expect(await page.locator('[data-test=io-encoding-doubt]').count()).toBe(0)
    await closeDialog(page)
  })

  it('should list the rows wider than the header and how many cells they add', async () => {
    await openImport(page)
    await upload(page, 'wide-rows.csv', '标题,备注\n甲,1\n乙,2,多余\n丙,3\n丁,4,x,y\n')
    await page.waitForSelector('[data-test=io-wide-rows]')
    const text = await page.textContent('[data-test=io-wide-rows]')
    expect(text).toContain('有 2 行')
    expect(text).toContain('第 3 行多 1 格')
    expect(text).toContain('第 5 行多 2 格')
    await closeDialog(page)
  })

  it('should store nothing when the page is closed while a new form\'s rows are checked', async () => {
    const forms = await page.locator('[data-test=side-form]').count()
    await page.click('[data-test=create-form-from-file]')
    await upload(page, 'checking.csv', titlesCsv(60_000))
    await page.waitForSelector('[data-test=nf-fields]', { timeout: 30_000 })
    await fillField(page, 'nf-name', '检查中关闭')
    // The row check (in the import worker) is held unanswered, so the page is closed while it
    // runs however fast the machine: on a busy one the check of 60,000 rows finished before the
    // close arrived, and the form was stored as it should be after a finished check.
    await page.evaluate(() => {
      const proto = Worker.prototype as unknown as { postMessage: (this: Worker, ...args: unknown[]) => void }
      const post = proto.postMessage
      proto.postMessage = function (this: Worker, ...args: unknown[]) {
        if ((args[0] as { type?: string } | null)?.type === 'plan') return
        post.apply(this, args)
      }
    })
    await page.click('[data-test=nf-create]')
    await page.waitForSelector('[data-test=io-progress]')
    const url = page.url()
    await page.close()
    page = await session.open(url.slice(session.baseUrl.length))
    await page.waitForSelector('[data-test=side-form]')
    expect(await page.locator('[data-test=side-form]').count()).toBe(forms)
    expect(await page.locator('[data-test=side-form]', { hasText: '检查中关闭' }).count()).toBe(0)
  })

  it('should report the stored count exactly after a page closed mid-write, and resume to exactly the file\'s rows', async () => {
    const rows = 4000
    const csv = titlesCsv(rows)
    await page.goto(`${session.baseUrl}#/`)
    await createAppWithForm(page, '续传', '续传客户')
    const formUrl = page.url().slice(session.baseUrl.length)
    await checkFile(page, 'resume.csv', csv)
    // The import yields to the page between batches (a zero timeout): with the page's clock
    // paused, it stops there until the test lets one timeout run, so the page is closed during
    // batch 2 every time however fast the writes are (a race the test lost on a busy machine,
    // where all 4,000 rows were stored before the close).
    await page.clock.install()
    clockInstalled = true
    await page.clock.pauseAt(Date.now() + 60_000)
    await page.click('[data-test=io-write]')
    // Batch 1 committed (its count shown) is the paused gap: "第 1/4 批" alone shows while batch 1
    // is still being built and written, and a timeout let run then finds nothing waiting, so the
    // yield after the commit stayed paused for good (seen in CI with the worker building batches).
    await page.waitForSelector('[data-test=io-progress]:has-text("第 1/4 批"):has-text("已写入 1,000 / 4,000 条")', { timeout: 30_000 })
    await page.clock.runFor(1)
    await page.waitForSelector('[data-test=io-progress]:has-text("第 2/4 批")', { timeout: 30_000 })
    await page.close()
    // The clock is the context's: time runs again for the reopened page.
    await session.context.clock.resume()

    page = await session.open(formUrl)
    await page.waitForSelector('[data-test=import-interrupted]', { timeout: 20_000 })
    const stored = await recordTotal(page)
    console.info(`closed mid-write: ${stored} of ${rows} rows stored`)
    expect(stored).toBeGreaterThanOrEqual(1000)
    expect(stored).toBeLessThan(rows)
    const notice = await page.textContent('[data-test=import-interrupted]')
    expect(notice).toContain(`4,000 行中已保存 ${stored.toLocaleString('en')} 行`)
    expect(await page.textContent('[data-test=import-resume-hint]')).toContain(`第 ${(stored + 2).toLocaleString('en')} 行`)

    await page.click('[data-test=import-journal-resume]')
    await page.waitForSelector('[data-test=io-records-panel]')
    await upload(page, 'resume.csv', csv)
    await resumeImport(page, rows - stored, async () => {
      expect(await page.textContent('[data-test=io-resume-skipped]')).toContain(stored.toLocaleString('en'))
    })
    await expect.poll(() => recordTotal(page)).toBe(rows)
    expect(await page.locator('[data-test=import-interrupted]').count()).toBe(0)
    const titles = await backupTitles(page, '续传客户')
    expect(titles).toHaveLength(rows)
    expect(new Set(titles).size).toBe(rows)
  })

  it('should show the worker\'s batches landing one by one, write exactly the review\'s count, and keep the committed batches when cancelled', async () => {
    await page.goto(`${session.baseUrl}#/`)
    await createAppWithForm(page, '流水线', '流水线客户')
    // Which requests the page sends its import worker: the batches are built there and acknowledged one by one.
    await page.evaluate(() => {
      const w = window as unknown as { fgSent: string[] }
      w.fgSent = []
      const proto = Worker.prototype as unknown as { postMessage: (this: Worker, ...args: unknown[]) => void }
      const post = proto.postMessage
      proto.postMessage = function (this: Worker, ...args: unknown[]) {
        w.fgSent.push(String((args[0] as { type?: string } | null)?.type))
        post.apply(this, args)
      }
    })
    const sent = () => page.evaluate(() => (window as unknown as { fgSent: string[] }).fgSent)
    await checkFile(page, 'pipeline.csv', titlesCsv(4000))
    expect(await page.textContent('[data-test=io-review-summary]')).toContain('新增 4,000 条')
    // With the page's clock paused the import stops after each committed batch (it yields with a
    // zero timeout), so every step of the progress is seen, however fast the machine.
    await page.clock.install()
    clockInstalled = true
    await page.clock.pauseAt(Date.now() + 60_000)
    await page.click('[data-test=io-write]')
    for (let i = 1; i <= 4; i++) {
      await page.waitForSelector(`[data-test=io-progress]:has-text("第 ${i}/4 批"):has-text("已写入 ${(i * 1000).toLocaleString('en')} / 4,000 条")`, { timeout: 30_000 })
      await page.clock.runFor(1)
    }
    await page.waitForSelector('[data-test=io-done-summary]', { timeout: 30_000 })
    expect(await page.textContent('[data-test=io-done-summary]')).toContain('已导入 4,000 条记录')
    const first = await sent()
    expect(first.filter(t => t === 'build')).toHaveLength(1)
    expect(first.filter(t => t === 'ack')).toHaveLength(4)
    // Time runs again while the next file is read and mapped (the page draws it in a later task).
    await page.clock.resume()
    await closeDialog(page)
    await expect.poll(() => recordTotal(page)).toBe(4000)

    // Cancelled during the second of three batches: the batches committed stay, the rest is not written.
    await checkFile(page, 'pipeline-more.csv', titlesCsv(3000))
    await page.clock.pauseAt(Date.now() + 3_600_000)
    await page.click('[data-test=io-write]')
    await page.waitForSelector('[data-test=io-progress]:has-text("已写入 1,000 / 3,000 条")', { timeout: 30_000 })
    await page.click('[data-test=io-cancel]')
    await page.clock.runFor(1)
    await page.waitForSelector('[data-test=io-done-summary]', { timeout: 30_000 })
    expect(await page.textContent('[data-test=io-done-summary]')).toContain('已取消：写入了 1/3 批（1,000 条）')
    expect((await sent()).slice(first.length)).toContain('cancel')
    await page.clock.resume()
    await closeDialog(page)
    await expect.poll(() => recordTotal(page)).toBe(5000)
    expect(await page.locator('[data-test=import-interrupted]').count()).toBe(0)
  })
})
