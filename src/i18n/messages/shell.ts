export default {
  'zh-CN': {
    shell: { language: '界面语言', loadFailed: '无法打开工作区' },
  },
  'en': {
    shell: { language: 'Language', loadFailed: 'The workspace could not be opened' },
  },
}
