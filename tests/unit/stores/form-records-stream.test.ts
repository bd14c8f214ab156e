import type { LoadRecordsOptions, StorageAdapter } from '@/core/storage/adapter'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openFormRecords } from '@/stores/form-records'
import { records } from '../../fixtures/storage'

/** An adapter handing out `slices` slices of 1000 records, one every 50 ms (a streamed open). */
function streamingAdapter(slices: number): StorageAdapter {
  const all = records(slices * 1000)
  return {
    async loadRecords(_formId: string, opts?: LoadRecordsOptions) {
      for (let i = 0; i < slices; i++) {
        await new Promise(resolve => setTimeout(resolve, i > 0 ? 50 : 0))
        opts?.onRows?.(all.slice(i * 1000, (i + 1) * 1000), { loaded: (i + 1) * 1000, total: all.length })
      }
      return all
    },
  } as unknown as StorageAdapter
}

describe('form records: a streamed open', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('should show the rows read at growing intervals (each showing redraws the grid) while the progress moves every 150 ms', async () => {
    const shown: number[] = []
    const state = openFormRecords(streamingAdapter(40), 'deals', () => shown.push(state.rows.value.length))
    const progress: number[] = []
    let last = -1
    for (let t = 0; t < 40 * 50 + 200; t += 10) {
      await vi.advanceTimersByTimeAsync(10)
      const p = state.loading.value?.loaded ?? -1
      if (p !== last) progress.push(last = p)
    }
    await state.loaded
    expect(state.rows.value.map(r => r.id)).toEqual(records(40_000).map(r => r.id))
    expect(state.loading.value).toBeNull()
    // First 1000 at once, then each showing at least four times the last: 4000, 16000 and the end.
    expect(shown[0]).toBe(1000)
    for (let i = 1; i < shown.length - 1; i++) expect(shown[i]!).toBeGreaterThanOrEqual(4 * shown[i - 1]!)
    expect(shown.at(-1)).toBe(40_000)
    expect(shown.length).toBeLessThanOrEqual(5)
    // "x of y" moved on far more often than the rows were shown (2 s of reading, every 150 ms).
    expect(progress.length).toBeGreaterThanOrEqual(10)
  })

  it('should keep the loading state gone once the read ended, also when rows were shown while a progress update was due', async () => {
    // t=0 1000 rows (shown at once); t=10 2000 (a progress update due at 150); t=160 3000 (the
    // next one due at 300); t=170 4000 (four times the rows shown: shown at once, before 300);
    // t=180 the read ends. The update due at 300 must not bring "reading 4000 of 4000" back.
    const all = records(4000)
    const adapter = {
      async loadRecords(_formId: string, opts?: LoadRecordsOptions) {
        for (const [i, wait] of [0, 10, 150, 10].entries()) {
          await new Promise(resolve => setTimeout(resolve, wait))
          opts?.onRows?.(all.slice(i * 1000, (i + 1) * 1000), { loaded: (i + 1) * 1000, total: all.length })
        }
        await new Promise(resolve => setTimeout(resolve, 10))
        return all
      },
    } as unknown as StorageAdapter
    const state = openFormRecords(adapter, 'deals', () => {})
    await vi.advanceTimersByTimeAsync(200)
    await state.loaded
    expect(state.loading.value).toBeNull()
    await vi.advanceTimersByTimeAsync(1000)
    expect(state.loading.value).toBeNull()
    expect(state.rows.value).toHaveLength(4000)
  })
})
