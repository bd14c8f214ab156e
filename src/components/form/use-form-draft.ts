/** An unfinished record form kept in localStorage per form (and record), restored on return. */
import type { Ref } from 'vue'
import { watch } from 'vue'
import { parseBoundedJson } from '@/core/validation'

interface Draft { values: Record<string, unknown>, at: number }

const PREFIX = 'funnelgrid:draft:'

/** The storage key of a form's draft: one for new records, one per edited record. */
export function draftKey(formId: string, recordId?: string): string {
  return `${PREFIX}${formId}:${recordId ?? 'new'}`
}

/** Reads a saved draft, or null (also for unreadable text). */
export function readDraft(key: string): Draft | null {
  try {
    const raw = globalThis.localStorage?.getItem(key)
    if (!raw) return null
    // Bounded like any JSON that enters (core/validation/json-limits.ts): a refused draft is dropped.
    const parsed = parseBoundedJson('formDraft', raw)
    const d = parsed.ok ? parsed.value as Draft | null : null
    return d && typeof d.values === 'object' && typeof d.at === 'number' ? d : null
  }
  catch {
    return null
  }
}

/** Keeps `values` saved under `key` whenever they differ from `pristine` (which clears it). */
export function useFormDraft(key: string, values: Ref<Record<string, unknown>>, pristine: () => Record<string, unknown>) {
  const stop = watch(values, (v) => {
    if (JSON.stringify(v) === JSON.stringify(pristine())) clear()
    else globalThis.localStorage?.setItem(key, JSON.stringify({ values: v, at: Date.now() }))
  }, { deep: true })
  function clear() {
    globalThis.localStorage?.removeItem(key)
  }
  return { clear, stop }
}
