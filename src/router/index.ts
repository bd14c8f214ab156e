import { createRouter, createWebHashHistory } from 'vue-router'
import HomeView from '@/pages/HomeView.vue'

/** Routes; everything past the home page loads lazily so the grid and charts stay off the first load. */
export function createAppRouter() {
  return createRouter({
    // Hash history: the app is a static bundle that works from any server or file path.
    history: createWebHashHistory(),
    routes: [
      { path: '/', name: 'home', component: HomeView },
      { path: '/settings', name: 'settings', component: () => import('@/pages/SettingsView.vue') },
      { path: '/help/:section?', name: 'help', component: () => import('@/pages/HelpView.vue'), props: true },
      { path: '/templates', name: 'templates', component: () => import('@/pages/TemplateGalleryView.vue') },
      {
        path: '/app/:appId',
        component: () => import('@/pages/AppLayout.vue'),
        props: true,
        children: [
          { path: '', name: 'app', component: () => import('@/pages/AppHomeView.vue'), props: true },
          { path: 'form/:formId', name: 'form-grid', component: () => import('@/pages/FormGridView.vue'), props: true },
          { path: 'form/:formId/design', name: 'form-design', component: () => import('@/pages/FormDesignerView.vue'), props: true },
          { path: 'form/:formId/new', name: 'record-new', component: () => import('@/pages/RecordFormView.vue'), props: true },
          { path: 'form/:formId/record/:recordId', name: 'record-edit', component: () => import('@/pages/RecordFormView.vue'), props: true },
          { path: 'automations', name: 'automations', component: () => import('@/pages/AutomationsView.vue'), props: true },
          { path: 'dashboard/:dashboardId', name: 'dashboard', component: () => import('@/pages/DashboardView.vue'), props: true },
        ],
      },
      { path: '/:pathMatch(.*)*', redirect: '/' },
    ],
  })
}
