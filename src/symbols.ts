import type { StorageAdapter } from '@/core/storage/adapter'
import type { InjectionKey } from 'vue'

/** The one StorageAdapter of the running app, provided in main.ts. */
export const STORAGE_KEY: InjectionKey<StorageAdapter> = Symbol('storage')
