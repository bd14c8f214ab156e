import type { Locale } from '@/core/schema/types'
import { ElMessage } from 'element-plus'
import { onBeforeUnmount, onMounted } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRecordsStore } from '@/stores/records'

/** True when a key press goes to a text input (its own undo applies there). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)
}

/**
 * Undo and redo of a form's last record changes (grid edits, kanban moves, batch edits, imports —
 * with what their automations wrote), told in a message: what was undone, or why it was refused.
 */
export function useUndoRedo(formId: () => string | undefined, locale: () => Locale) {
  const { t } = useI18n()
  const records = useRecordsStore()

  async function undoOrRedo(which: 'undo' | 'redo'): Promise<void> {
    const id = formId()
    if (!id) return
    const outcome = await records[which](id)
    if (outcome.status === 'empty') {
      ElMessage({ type: 'info', message: t(which === 'undo' ? 'gridEdit.nothingToUndo' : 'gridEdit.nothingToRedo'), duration: 1500 })
      return
    }
    const what = t(`gridEdit.action.${outcome.step.action}`)
    if (outcome.status === 'done') {
      ElMessage({ type: 'success', message: t(which === 'undo' ? 'gridEdit.undone' : 'gridEdit.redone', { what, n: outcome.step.size }), duration: 2000 })
      return
    }
    const reason = outcome.result.issues.flatMap(r => r.issues).map(i => i.message[locale()]).slice(0, 3).join('; ')
    ElMessage({ type: 'error', message: t(which === 'undo' ? 'gridEdit.undoRefused' : 'gridEdit.redoRefused', { what, reason }), duration: 6000 })
  }

  /** Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (⌘ on a Mac) as undo / redo; true when the key was one of them. */
  function onUndoKeys(e: KeyboardEvent): boolean {
    if (!(e.ctrlKey || e.metaKey) || isTyping(e.target)) return false
    const key = e.key.toLowerCase()
    if (key !== 'z' && key !== 'y') return false
    e.preventDefault()
    e.stopPropagation()
    void undoOrRedo(key === 'y' || e.shiftKey ? 'redo' : 'undo')
    return true
  }

  /** Listens for the undo keys on the whole page while the calling component is shown (boards without a focused grid). */
  function listenOnPage(): void {
    const handler = (e: KeyboardEvent) => { onUndoKeys(e) }
    onMounted(() => window.addEventListener('keydown', handler))
    onBeforeUnmount(() => window.removeEventListener('keydown', handler))
  }

  return { undoOrRedo, onUndoKeys, listenOnPage }
}
