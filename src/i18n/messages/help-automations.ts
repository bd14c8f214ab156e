export default {
  'zh-CN': {
    helpAutomations: {
      title: '智能助手（自动化）',
      summary: '智能助手在记录发生变化时自动完成后续工作：新建一条任务、填写字段、修改关联记录、提醒负责人。它和触发它的那次修改一起保存、一起撤销，不用写代码。',
      steps: [
        '在应用左侧栏点“智能助手”，再点“新建智能助手”。只有管理员可以新建和修改。',
        '“触发”：选表单和时机——进入某个阶段、离开某个阶段、赢单或输单、在阶段中停滞、新建记录、字段被修改，或到达某个日期。',
        '“条件（可选）”：打开开关后，用和表格筛选相同的方式添加条件，只有修改后满足条件的记录才会运行。',
        `“动作”：点“添加动作”，按顺序添加一步或几步。每一步点“设置字段”，选要填写的字段和值的来源：固定值、公式（用 {'{'}字段名{'}'} 引用触发记录的字段）、触发的记录本身，或前面某一步新建的记录。`,
        '窗口底部会列出还缺什么（例如目标表单的必填字段）；补齐后点“保存”。',
        '之后在表格、表单、看板、粘贴、批量修改或导入里做出相应的修改，智能助手就会运行；按一次 Ctrl+Z，修改和智能助手写入的内容一起撤销。',
        '每个智能助手的“运行记录”列出每一次运行：时间、哪条记录、做了什么，或者为什么没有执行。',
      ],
      example: {
        title: '示例（销售漏斗模板）',
        steps: [
          '安装“销售漏斗”模板，打开“智能助手”：已经有三个——进入需求分析时新建需求调研任务；成交时新建合同草稿和回款计划；商机停滞时提醒负责人。',
          '打开“商机看板”，把一张“接触和交流”的卡片拖到“需求分析”。',
          '打开“跟进记录”：多了一条“需求调研：<商机名称>”，关联这条商机，跟进日期是三天后。',
          '回到看板按 Ctrl+Z：卡片回到原来的阶段，那条跟进记录也一起消失。',
          '在“智能助手”页面点“运行记录”，可以看到这次运行和它新建的记录。',
        ],
      },
      notes: [
        '一个智能助手的修改如果会再次触发它自己（或另一个智能助手），只执行第一轮并提示，不会循环。',
        '任何一步出错时，这一次运行的所有动作都不会写入，原因记在运行记录里；你的修改本身照常保存。',
        '撤销、重做、恢复备份、安装模板和来自其他设备或标签页的同步修改不会再次触发智能助手（在修改发生的那台设备上已经运行过）。',
        '“停滞”和“到达日期”每天检查一次：应用打开时检查，并补上关闭期间的日子。',
        '目标表单或字段被删除的智能助手会标为“无法运行”并说明原因，在修复之前一律跳过。',
        '运行记录和通知只保存在这台设备上。',
      ],
    },
  },
  'en': {
    helpAutomations: {
      title: 'Automations',
      summary: 'Automations do the follow-up work when records change: create a task, fill in fields, change linked records, remind the owner. They are saved and undone together with the change that fired them, with no code.',
      steps: [
        'In the app\'s sidebar click "Automations", then "New automation". Only admins can add and change them.',
        '"Trigger": choose the form and the moment — enters a stage, leaves a stage, is won or lost, stalls in a stage, a record is created, a field changes, or a date is reached.',
        '"Condition (optional)": turn it on and add conditions the way you filter a grid; only records that match after the change run the actions.',
        `"Actions": click "Add action" and add one or more steps in order. In each step click "Set a field", choose the field and where its value comes from: a fixed value, a formula (use {'{'}field name{'}'} for the triggering record's fields), the triggering record itself, or a record an earlier step created.`,
        'The bottom of the window lists what is still missing (such as a required field of the target form); once nothing is, click "Save".',
        'From then on the matching change — in the grid, a form, the board, a paste, a batch edit or an import — runs it; one Ctrl+Z undoes the change and what the automation wrote.',
        'Each automation\'s "Run log" lists every run: when, which record, what it did, or why it did not run.',
      ],
      example: {
        title: 'Example (sales-funnel template)',
        steps: [
          'Install the sales-funnel template and open "Automations": three are there — entering Needs analysis creates a research task; closing won creates a draft contract and a payment plan; a stalled deal reminds its owner.',
          'Open the deals board and drag a card from "Contact and discussion" to "Needs analysis".',
          'Open "Activities": there is a new "需求调研：<deal name>" linked to the deal, dated three days ahead.',
          'Back on the board press Ctrl+Z: the card returns to its stage and the activity is gone with it.',
          'On the Automations page click "Run log" to see the run and the record it created.',
        ],
      },
      notes: [
        'When an automation\'s change would fire itself (or another automation) again, only the first round runs and you are told; it never loops.',
        'If any step fails, nothing of that run is written and the reason is in the run log; your own change is saved as usual.',
        'Undo, redo, restoring a backup, installing a template and changes synced from other devices or tabs do not fire automations again (they already ran on the device where the change was made).',
        '"Stalls" and "A date is reached" are checked once a day: when the app is opened, catching up on the days it was closed.',
        'An automation whose target form or field was deleted is marked "Cannot run" with the reason and skipped until it is fixed.',
        'The run log and notifications are kept on this device only.',
      ],
    },
  },
}
