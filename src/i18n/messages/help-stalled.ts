export default {
  'zh-CN': {
    helpStalled: {
      title: '停滞商机与暂缓',
      summary: '商机在一个阶段停留太久就算“停滞”。已知原因的停滞（例如客户在等预算）可以暂缓到某一天，在那之前不再提醒。',
      steps: [
        '在应用首页的“阶段设置”里，给每个进行中的阶段填写“停留超过多少天算停滞”。不填的阶段不会停滞。',
        '停滞的商机会出现在仪表盘的“停滞商机”表里，看板卡片和表格的阶段旁会写“停滞 N 天”。',
        '知道原因时：在表格或看板上打开这条商机，点“暂缓提醒”，写下原因和恢复日期，保存。',
        '暂缓中的商机离开停滞表，卡片和表格写“暂缓至 某日”。到了恢复日期它自动回到停滞表（如果仍然停滞）。',
        '想提前恢复：打开商机，点“取消暂缓”。暂缓和取消都能用 Ctrl+Z 撤销，也记在修改记录里。',
      ],
      example: {
        title: '示例（销售漏斗模板）',
        steps: [
          '安装“销售漏斗”模板（带演示数据），打开“销售仪表盘”，找到“停滞商机”表：方案制定阶段的上限是 30 天。',
          '点表中第一条商机打开它。假设客户说预算下季度才批。',
          '点“暂缓提醒”，原因写“等待客户预算审批”，恢复日期选下季度第一天，保存。',
          '回到仪表盘：这条商机不在停滞表中了；在“商机看板”里它的卡片写着“暂缓至 …”。',
          '到了恢复日期，再打开仪表盘，它又出现在停滞表中，直到它换了阶段。',
        ],
      },
      notes: [
        '暂缓按日期计算：恢复日期当天起就不再暂缓。',
        '换阶段会重新开始计停留天数；暂缓日期不会被自动清除，过期后不再起作用。',
        '“变为停滞”可以作为智能助手（自动化）的触发条件，例如通知负责人。',
      ],
    },
  },
  'en': {
    helpStalled: {
      title: 'Stalled deals and snooze',
      summary: 'A deal that stays too long in one stage is stalled. When you know why (the customer is waiting for a budget), snooze it until a date: no reminders until then.',
      steps: [
        'In the stage settings on the app home page, give each open stage a "stalled after N days" limit. Stages without one never stall.',
        'Stalled deals appear in the dashboard\'s "Stalled deals" table; kanban cards and the grid show "Stalled N days" beside the stage.',
        'When you know the reason: open the deal from the grid or the kanban, click "Snooze", write the reason and the resume date, and save.',
        'A snoozed deal leaves the stalled table; its card and row say "Snoozed until …". On the resume date it comes back to the table (if still stalled).',
        'To resume early, open the deal and click "End snooze". Both can be undone with Ctrl+Z and are kept in the change log.',
      ],
      example: {
        title: 'Example (sales-funnel template)',
        steps: [
          'Install the sales-funnel template with demo data, open the Sales dashboard and find the "Stalled deals" table: the Proposal stage allows 30 days.',
          'Click the first deal in the table to open it. Say the customer will approve the budget next quarter.',
          'Click "Snooze", write "Waiting for the customer\'s budget approval", pick the first day of next quarter as the resume date, and save.',
          'Back on the dashboard the deal has left the stalled table; on the Pipeline board its card says "Snoozed until …".',
          'On the resume date it is in the stalled table again, until it moves to another stage.',
        ],
      },
      notes: [
        'Snoozes count in days: from the resume date on, the deal is no longer snoozed.',
        'Moving to another stage restarts the days in stage; an old resume date is left as it is and no longer matters once it has passed.',
        '"Became stalled" can trigger an automation, for example to notify the owner.',
      ],
    },
  },
}
