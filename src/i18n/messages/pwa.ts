export default {
  'zh-CN': {
    pwa: {
      updateAvailable: '有新版本可用',
      updateHint: '重新加载后使用新版本；未保存的修改会先提示。',
      reload: '重新加载',
      later: '稍后',
    },
  },
  'en': {
    pwa: {
      updateAvailable: 'Update available',
      updateHint: 'Reload to use the new version; you are asked first if a change is unsaved.',
      reload: 'Reload',
      later: 'Later',
    },
  },
}
