import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { useFilesStore } from '@/stores/files'
import { STORAGE_KEY } from '@/symbols'
import { settle } from './mount-app'

function setup() {
  const adapter = createMemoryAdapter()
  const app = createApp({ render: () => null })
  const pinia = createPinia()
  app.use(pinia).provide(STORAGE_KEY, adapter)
  setActivePinia(pinia)
  return { adapter, store: app.runWithContext(() => useFilesStore()) }
}

/** Stores a one-byte PNG and returns its value. */
async function putPng(store: ReturnType<typeof useFilesStore>) {
  return (await store.put([{ name: 'a.png', blob: new Blob(['x'], { type: 'image/png' }) }]))[0]
}

describe('files store', () => {
  let created: number
  let revoked: string[]
  beforeEach(() => {
    created = 0
    revoked = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:test/${++created}`)
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => { revoked.push(url) })
  })
  afterEach(() => vi.restoreAllMocks())

  it('should store picked files before any record and return values naming their keys', async () => {
    const { adapter, store } = setup()
    const ref = await putPng(store)
    expect(ref).toMatchObject({ name: 'a.png', size: 1, mime: 'image/png' })
    expect(await (await adapter.getBlob(ref!.key!))?.text()).toBe('x')
    expect(await (await store.get(ref!.key!))?.text()).toBe('x')
  })

  it('should share one URL per key and revoke it when the last user releases it', async () => {
    const { store } = setup()
    const ref = await putPng(store)
    store.acquire([ref!.key!])
    store.acquire([ref!.key!])
    await settle()
    expect(store.previews[ref!.key!]).toEqual({ state: 'image', url: 'blob:test/1' })
    store.release([ref!.key!])
    expect(revoked).toEqual([])
    store.release([ref!.key!])
    expect(revoked).toEqual(['blob:test/1'])
    expect(store.previews[ref!.key!]).toBeUndefined()
    expect(created).toBe(1)
  })

  it('should show SVG as a data: URL, HTML filed as an image as a file, and unknown keys as missing', async () => {
    const { adapter, store } = setup()
    await adapter.putBlobs([
      { key: 'svg', blob: new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'], { type: 'image/svg+xml' }) },
      { key: 'html', blob: new Blob(['<script>1</script>'], { type: 'text/html' }) },
    ])
    store.acquire(['svg', 'html', 'nope'])
    await settle()
    expect((store.previews.svg as { url: string }).url).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(store.previews.html).toEqual({ state: 'file' })
    expect(store.previews.nope).toEqual({ state: 'missing' })
    expect(created).toBe(0)
  })

  it('should drop a preview whose users left before it loaded', async () => {
    const { store } = setup()
    const ref = await putPng(store)
    store.acquire([ref!.key!])
    store.release([ref!.key!])
    await settle()
    expect(store.previews[ref!.key!]).toBeUndefined()
    expect(revoked).toEqual(['blob:test/1'])
  })
})
