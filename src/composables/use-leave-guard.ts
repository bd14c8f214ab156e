import type { MaybeRefOrGetter } from 'vue'
import type { RouteLocationNormalized } from 'vue-router'
import { ElMessageBox } from 'element-plus'
import { onBeforeUnmount, onMounted, toValue } from 'vue'
import { useI18n } from 'vue-i18n'
import { onBeforeRouteLeave, onBeforeRouteUpdate } from 'vue-router'
import { holdUnload } from '@/stores/save-status'

/**
 * Asks before the page goes away while `dirty` holds an edit that is not saved (a designer
 * draft, a JSON text): a confirm on an in-app navigation, the browser's prompt on a reload or
 * close (the same prompt as save-status `guardUnsavedChanges`). Call it in the setup of a
 * component under the route's RouterView.
 */
export function useLeaveGuard(dirty: MaybeRefOrGetter<boolean>): void {
  const { t } = useI18n()

  async function askToLeave(): Promise<boolean> {
    if (!toValue(dirty)) return true
    try {
      await ElMessageBox.confirm(t('common.leaveConfirm'), {
        type: 'warning',
        confirmButtonText: t('common.leave'),
        cancelButtonText: t('common.stay'),
        customClass: 'fg-leave-confirm',
        // The browser's back button has changed the hash already: the question outlives that change.
        closeOnHashChange: false,
      })
      return true
    }
    catch {
      return false
    }
  }

  onBeforeRouteLeave(askToLeave)
  // Another record of the same route (one form's designer to the next) is an update, not a leave;
  // a query change on the same page is neither.
  onBeforeRouteUpdate((to: RouteLocationNormalized, from: RouteLocationNormalized) => (to.path === from.path ? true : askToLeave()))

  const onBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (toValue(dirty)) holdUnload(e)
  }
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', onBeforeUnload))
}
