export default {
  'zh-CN': {
    app: {
      notFound: '找不到这个应用，它可能已被删除。',
      forms: '表单',
      dashboards: '仪表盘',
      noForms: '还没有表单',
      noDashboards: '还没有仪表盘',
      createForm: '新建表单',
      formNamePlaceholder: '例如：客户',
      emptyHint: '这个应用还没有表单。点击左侧“新建表单”，再添加字段和数据。',
      fieldCount: '{n} 个字段',
      openForm: '打开数据',
    },
  },
  'en': {
    app: {
      notFound: 'This app was not found; it may have been deleted.',
      forms: 'Forms',
      dashboards: 'Dashboards',
      noForms: 'No forms yet',
      noDashboards: 'No dashboards yet',
      createForm: 'New form',
      formNamePlaceholder: 'e.g. Accounts',
      emptyHint: 'This app has no forms yet. Click "New form" on the left, then add fields and records.',
      fieldCount: '{n} fields',
      openForm: 'Open records',
    },
  },
}
