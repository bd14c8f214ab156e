import type { StorageAdapter } from '@/core/storage/adapter'
import type { SyncRuntime } from '@/sync/runtime'
import type { InjectionKey } from 'vue'

/** The one StorageAdapter of the running app, provided in main.ts. */
export const STORAGE_KEY: InjectionKey<StorageAdapter> = Symbol('storage')

/** Team sync when this device has it on (main.ts), else null; injected by the sync store only. */
export const SYNC_KEY: InjectionKey<SyncRuntime | null> = Symbol('sync')
