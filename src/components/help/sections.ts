/**
 * The sections of the Help page (帮助 / Help), in the order the page lists them. A feature adds
 * its guide by adding one entry here: an id (the route /help/<id>), the i18n key of its title and
 * its component (loaded when the section is opened). The usual component is a HelpArticle over the
 * feature's own messages file (src/i18n/messages/help-<id>.ts), so features never edit a shared
 * messages file. Keep an unchanged line between entries of different features (fewer merge
 * conflicts when several land at once).
 */
import type { Component } from 'vue'

export interface HelpSection {
  /** Stable, URL-safe: the route is /help/<id>. */
  id: string
  /** i18n key of the section's title (shown in the contents). */
  titleKey: string
  component: () => Promise<Component | { default: Component }>
}

export const HELP_SECTIONS: readonly HelpSection[] = [
  { id: 'automations', titleKey: 'helpAutomations.title', component: () => import('./HelpAutomations.vue') },

  // several pipelines: issue 13 part 2
  { id: 'pipelines', titleKey: 'helpPipelines.title', component: () => import('./HelpPipelines.vue') },

  { id: 'stalled', titleKey: 'helpStalled.title', component: () => import('./HelpStalled.vue') },

  { id: 'forecast', titleKey: 'helpForecast.title', component: () => import('./HelpForecast.vue') },

  // lead scoring: issue 13 part 5
  { id: 'scoring', titleKey: 'helpScoring.title', component: () => import('./HelpScoring.vue') },
]

/** The section of `id`, else the first one. */
export function helpSectionOf(id: string | undefined): HelpSection | undefined {
  return HELP_SECTIONS.find(s => s.id === id) ?? HELP_SECTIONS[0]
}
