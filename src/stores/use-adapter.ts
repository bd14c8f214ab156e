import type { StorageAdapter } from '@/core/storage/adapter'
import { STORAGE_KEY } from '@/symbols'
import { inject } from 'vue'

/** The app's StorageAdapter; stores call this inside their setup function. */
export function useAdapter(): StorageAdapter {
  const adapter = inject(STORAGE_KEY)
  if (!adapter) throw new Error('No StorageAdapter provided (main.ts provides STORAGE_KEY)')
  return adapter
}
