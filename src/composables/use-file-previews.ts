import type { ComputedRef, MaybeRefOrGetter, Ref } from 'vue'
import type { FileValue } from '@/core/fields'
import type { FilePreview } from '@/stores/files'
import { computed, onScopeDispose, ref, toValue, watch } from 'vue'
import { useFilesStore } from '@/stores/files'

export interface UseFilePreviewsReturn {
  /** Preview of `key`: undefined while loading. */
  previewOf: (key: string | undefined) => FilePreview | undefined
  /** The URL `key` shows as an image through `<img>`; undefined when it does not show as one. */
  imageUrlOf: (key: string | undefined) => string | undefined
  /** The image URLs among `files`, in order, for the in-app viewer. */
  imageUrls: ComputedRef<string[]>
  /** Index into `imageUrls` shown by the viewer; null: closed. */
  viewing: Ref<number | null>
  /** Opens the in-app viewer on `file` (when it shows as an image). */
  openPreview: (file: FileValue) => void
}

/**
 * Previews of the stored files in `files`, held through the files store while the calling
 * component lives (the store revokes a URL when its last user lets go), plus the state of an
 * in-app image viewer. Previews open inside the app, never as a page of their own.
 */
export function useFilePreviews(files: MaybeRefOrGetter<readonly FileValue[]>): UseFilePreviewsReturn {
  const store = useFilesStore()
  const viewing = ref<number | null>(null)
  let held: string[] = []
  watch(() => toValue(files).flatMap(f => (f.key ? [f.key] : [])), (keys) => {
    store.acquire(keys)
    store.release(held)
    held = keys
  }, { immediate: true })
  onScopeDispose(() => store.release(held))

  const previewOf = (key: string | undefined): FilePreview | undefined => (key ? store.previews[key] : undefined)
  function imageUrlOf(key: string | undefined): string | undefined {
    const p = previewOf(key)
    return p?.state === 'image' ? p.url : undefined
  }
  const images = computed(() => toValue(files).flatMap((f) => {
    const url = imageUrlOf(f.key)
    return url ? [{ key: f.key, url }] : []
  }))
  const imageUrls = computed(() => images.value.map(i => i.url))
  function openPreview(file: FileValue): void {
    const index = images.value.findIndex(i => i.key === file.key)
    if (index >= 0) viewing.value = index
  }
  return { previewOf, imageUrlOf, imageUrls, viewing, openPreview }
}
