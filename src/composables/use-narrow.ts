import type { Ref } from 'vue'
import { onScopeDispose, readonly, ref } from 'vue'

/** The phone breakpoint: below it the sidebar is a drawer, the nav a menu, forms one column (screens only: a printed A4 page is narrower but keeps the desktop form). */
export const NARROW_QUERY = 'screen and (max-width: 767px)'

/** True while the viewport matches `query` (phone width by default); false where matchMedia is missing (tests without a DOM). */
export function useNarrow(query: string = NARROW_QUERY): Readonly<Ref<boolean>> {
  const mql = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : undefined
  const narrow = ref(mql?.matches ?? false)
  const onChange = (e: MediaQueryListEvent) => { narrow.value = e.matches }
  mql?.addEventListener('change', onChange)
  onScopeDispose(() => mql?.removeEventListener('change', onChange))
  return readonly(narrow)
}
