import type { Ref } from 'vue'
import type { StorageAdapter } from '@/core/storage/adapter'
import { onBeforeUnmount, ref } from 'vue'

/**
 * Object URLs of stored files, loaded on demand by key and revoked when the component
 * unmounts. `urls.value[key]` is the URL, `null` when the browser holds no contents for the
 * key, and absent while loading.
 */
export function useBlobUrls(adapter: StorageAdapter): { urls: Ref<Record<string, string | null>>, load: (keys: readonly string[]) => void } {
  const urls = ref<Record<string, string | null>>({})
  const asked = new Set<string>()
  let alive = true

  function load(keys: readonly string[]): void {
    for (const key of keys) {
      if (asked.has(key)) continue
      asked.add(key)
      void adapter.getBlob(key).then(
        (blob) => {
          const url = blob && alive ? URL.createObjectURL(blob) : null
          if (alive) urls.value = { ...urls.value, [key]: url }
        },
        () => {
          if (alive) urls.value = { ...urls.value, [key]: null }
        },
      )
    }
  }

  onBeforeUnmount(() => {
    alive = false
    for (const url of Object.values(urls.value)) if (url) URL.revokeObjectURL(url)
  })
  return { urls, load }
}
