export default {
  'zh-CN': {
    helpPipelines: {
      title: '多个管道',
      summary: '一个表单可以容纳多条销售管道（例如新客户和续约），每条管道用自己的阶段。一个单选字段决定每条记录属于哪条管道；漏斗、看板、表格和仪表盘每次只看一条管道，指标从不混合两条管道的阶段。',
      steps: [
        '在表单设计中准备一个单选字段，它的每个选项就是一条管道（例如「业务类型」：新客户 / 续约）。',
        '打开“阶段设置”，在“多个管道”里选“按字段拆分”为这个字段。开始时每条管道都使用全部阶段，所以已有记录不受影响。',
        '点上方的管道按钮（如「续约」）切换到这条管道：勾选它使用的阶段（至少一个进行中、一个赢单阶段），不用的取消勾选。阶段的顺序、名称、颜色和赢率仍是整个字段共用的。',
        '在某条管道的视图里点“添加阶段”或“添加赢单结果”，新阶段只加入这条管道；在“全部阶段”视图里添加的阶段加入所有管道。',
        '保存。若某条管道中还有记录停在被取消的阶段，保存会被拒绝并写明条数：先保留该阶段，或在表格中把这些记录移走。',
        '表格上方出现“管道”切换：全部管道 / 各条管道；看板每次显示一条管道，泳道就是它的阶段；应用首页的漏斗概览同样可以切换。',
        '仪表盘的漏斗、转化、停留时长、停滞、瀑布等组件在配置中有“管道”一项（默认第一条），副标题写明“管道：…”。',
      ],
      example: {
        title: '示例（销售漏斗模板）',
        steps: [
          '在「商机」表单的设计中添加单选字段「业务类型」，选项为「新客户」和「续约」。',
          '在应用首页的漏斗概览点“阶段设置”，“按字段拆分”选「业务类型」。',
          '切换到「续约」，取消勾选「潜在客户识别」和「接触和交流」（续约从需求分析开始），再点“添加阶段”加一个「续约评估」，它只属于续约管道。保存。',
          '已有商机的「业务类型」为空，按第一条管道「新客户」处理，漏斗数字和拆分前相同。',
          '把一条处于「需求分析」的商机的「业务类型」改为「续约」：成功，它出现在续约管道的漏斗和看板中。',
          '把一条处于「潜在客户识别」的商机改为「续约」：被拒绝，提示“阶段「潜在客户识别」不属于管道「续约」”，并列出续约可用的阶段。要改，先在同一次编辑里把阶段改成续约的阶段。',
          '在「销售仪表盘」里配置漏斗组件，“管道”选「续约」：漏斗只显示续约的阶段和续约商机，副标题为“管道：续约”。',
        ],
      },
      notes: [
        '「业务类型」为空、或选了没有单独设置阶段的选项的记录，属于第一条管道。',
        '没有拆分的表单不显示任何管道切换。',
        '表格和表单里修改阶段时，只列出这条记录所在管道的阶段；粘贴或导入其他管道的阶段会被拒绝并说明原因。',
        '不想再拆分：在“按字段拆分”中选“不拆分（一个管道）”并保存，所有记录又共用全部阶段。',
      ],
    },
  },
  'en': {
    helpPipelines: {
      title: 'Several pipelines',
      summary: 'One form can hold several sales pipelines (say new business and renewals), each with its own stages. A single-select field says which pipeline each record belongs to; funnels, kanban, the grid and dashboards look at one pipeline at a time, and no figure mixes the stages of two pipelines.',
      steps: [
        'In the form designer, have a single-select field whose options are the pipelines (for example "Deal type": New business / Renewal).',
        'Open the stage settings and, under "Several pipelines", set "Split by field" to that field. Every pipeline starts with all the stages, so existing records are not affected.',
        'Click a pipeline button (say "Renewal") to edit that pipeline: tick the stages it uses (at least one open and one won stage) and untick the others. Order, names, colours and win probabilities stay shared by the whole field.',
        'In a pipeline\'s view, "Add stage" or "Add a won outcome" adds a stage to that pipeline only; added in "All stages" it joins every pipeline.',
        'Save. If a pipeline still has records in a stage you unticked, saving is refused with their number: keep the stage, or move those records in the grid first.',
        'The grid gets a "Pipeline" switcher (All pipelines / each pipeline); a kanban shows one pipeline at a time, its lanes that pipeline\'s stages; the funnel overview on the app home switches too.',
        'Dashboard funnel, conversion, time-in-stage, stalled, waterfall and other stage widgets get a "Pipeline" setting (default: the first), and their subtitle says "Pipeline: …".',
      ],
      example: {
        title: 'Example (sales-funnel template)',
        steps: [
          'In the designer of the Opportunities form, add a single-select field "Deal type" with the options "New business" and "Renewal".',
          'On the app home, click "Stages" on the funnel overview and set "Split by field" to "Deal type".',
          'Switch to "Renewal", untick "Lead identification" and "Contact and discussion" (renewals start at needs analysis), then "Add stage" to add "Renewal review", which belongs to the renewal pipeline only. Save.',
          'Existing deals have an empty "Deal type" and count as the first pipeline, "New business": the funnel figures are the same as before the split.',
          'Set "Deal type" to "Renewal" on a deal in "Needs analysis": it is saved and the deal shows in the renewal funnel and kanban.',
          'Do the same on a deal in "Lead identification": it is refused with "the stage "Lead identification" is not in the pipeline "Renewal"" and the renewal stages listed. To move it, change its stage to a renewal stage in the same edit.',
          'In the Sales dashboard, configure the funnel widget and set "Pipeline" to "Renewal": the funnel shows the renewal stages and deals only, under the subtitle "Pipeline: Renewal".',
        ],
      },
      notes: [
        'A record with an empty pipeline field, or an option that has no stages of its own, belongs to the first pipeline.',
        'A form that does not split shows no pipeline switcher.',
        'Changing a stage in the grid or the form lists only the stages of the record\'s pipeline; pasting or importing another pipeline\'s stage is refused with the reason.',
        'To stop splitting, set "Split by field" to "No split (one pipeline)" and save: every record uses all the stages again.',
      ],
    },
  },
}
