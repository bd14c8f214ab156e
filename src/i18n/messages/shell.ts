export default {
  'zh-CN': {
    shell: { language: '界面语言', loadFailed: '无法打开工作区', nav: '主导航', menu: '菜单', sidebar: '表单和仪表盘', closeSidebar: '关闭侧栏', print: '打印', printHint: '在打印对话框中可选择“另存为 PDF”' },
  },
  'en': {
    shell: { language: 'Language', loadFailed: 'The workspace could not be opened', nav: 'Main navigation', menu: 'Menu', sidebar: 'Forms and dashboards', closeSidebar: 'Close sidebar', print: 'Print', printHint: 'Choose "Save as PDF" in the print dialog' },
  },
}
