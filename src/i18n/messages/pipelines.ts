export default {
  'zh-CN': {
    pipelines: {
      switcher: {
        label: '管道',
        all: '全部管道',
      },
      editor: {
        title: '多个管道',
        splitBy: '按字段拆分',
        none: '不拆分（一个管道）',
        noSelect: '要让一个表单容纳多个管道（如新客户 / 续约），先在表单设计中添加一个单选字段（例如「业务类型」），再回到这里按它拆分。',
        intro: '每条记录按「{field}」的值归入一个管道，各管道使用自己的阶段；「{field}」为空的记录属于第一个管道「{first}」。',
        allStages: '全部阶段',
        pipelineHint: '勾选管道「{pipeline}」使用的阶段（至少一个进行中、一个赢单阶段）。在这里添加的阶段只加入此管道。',
        inPipeline: '用于管道「{pipeline}」',
        uses: '{n} / {total} 个阶段',
        noSet: '「{option}」还没有自己的阶段，目前按「{first}」处理。',
        addSet: '为「{option}」单独设置阶段',
        addWon: '添加赢单结果',
        stranded: '管道「{pipeline}」中有 {n} 条记录处于阶段「{stage}」，而该阶段不再属于此管道：请保留该阶段，或先在表格中把这些记录移到别的阶段。',
      },
      widget: {
        pipeline: '管道',
        subtitle: '管道：{name}',
      },
    },
  },
  'en': {
    pipelines: {
      switcher: {
        label: 'Pipeline',
        all: 'All pipelines',
      },
      editor: {
        title: 'Several pipelines',
        splitBy: 'Split by field',
        none: 'No split (one pipeline)',
        noSelect: 'To hold several pipelines in one form (say New business / Renewal), first add a single-select field in the form designer (for example "Deal type"), then come back and split by it.',
        intro: 'Each record belongs to the pipeline its "{field}" names, and each pipeline uses its own stages; a record with an empty "{field}" belongs to the first pipeline, "{first}".',
        allStages: 'All stages',
        pipelineHint: 'Tick the stages the pipeline "{pipeline}" uses (at least one open and one won stage). A stage added here joins this pipeline only.',
        inPipeline: 'Used by the pipeline "{pipeline}"',
        uses: '{n} of {total} stages',
        noSet: '"{option}" has no stages of its own yet and counts as "{first}".',
        addSet: 'Give "{option}" its own stages',
        addWon: 'Add a won outcome',
        stranded: '{n} records of the pipeline "{pipeline}" are in the stage "{stage}", which is no longer in that pipeline: keep the stage, or first move those records to another stage in the grid.',
      },
      widget: {
        pipeline: 'Pipeline',
        subtitle: 'Pipeline: {name}',
      },
    },
  },
}
