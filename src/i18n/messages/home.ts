export default {
  'zh-CN': {
    home: {
      title: '我的应用',
      subtitle: '每个应用包含若干表单和仪表盘，数据只保存在您的浏览器中。',
      createApp: '新建应用',
      appNamePlaceholder: '例如：销售管理',
      empty: '还没有应用。点击“新建应用”开始搭建您的 CRM。',
      counts: '{forms} 个表单 · {dashboards} 个仪表盘',
      deleteConfirm: '删除应用“{name}”及其全部表单、数据和仪表盘？此操作不可撤销，建议先在设置中备份。',
    },
    base: { nameRequired: '请输入名称' },
  },
  'en': {
    home: {
      title: 'My apps',
      subtitle: 'Each app bundles forms and dashboards. Your data stays in this browser.',
      createApp: 'New app',
      appNamePlaceholder: 'e.g. Sales management',
      empty: 'No apps yet. Click "New app" to start building your CRM.',
      counts: '{forms} forms · {dashboards} dashboards',
      deleteConfirm: 'Delete the app "{name}" with all its forms, records and dashboards? This cannot be undone; consider a backup in Settings first.',
    },
    base: { nameRequired: 'Please enter a name' },
  },
}
