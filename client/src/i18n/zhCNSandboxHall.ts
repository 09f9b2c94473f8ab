/** 简体中文 strings for `sandboxHall.*`; keys must match enSandboxHall.ts. */
export const zhCNSandboxHall = {
  sandboxHall: {
    title: '财富沙盘台',
    column: '资产类别',
    weight: '{{name}}的占比',
    weightValue: '{{name}}：{{weight}}%',
    total: '合计：{{total}}%',
    run: '运行预测',
    running: '模拟中… {{percent}}%',
    failed: '预测未完成，请重试。',
    idle: '运行预测，查看各年份结果的扇形分布。',
    median: '{{years}}年后中位数：{{amount}}（25%–75%：{{low}}至{{high}}）',
    goal: '第{{year}}年目标{{amount}}：{{probability}}的路径可以达成',
    goalShort: '目标 {{probability}}',
    mismatch: '高于您的风险承受能力等级{{category}}：继续前请阅读风险提示。',
    expired: '您的风险承受能力评估已过期：请重新评估以检查适当性。',
    fanNote: '扇形：以今日币值计的第5–95百分位；线条：样本路径。',
    stress: {
      label: '压力情景回放',
      play: '回放',
      caption: '{{name}}：本方案将从{{before}}损失{{loss}}（{{fraction}}）。',
      recovery: '按中位数收益，约{{months}}个月后回到起始金额。',
      never: '按中位数收益，100年内无法回到起始金额。',
      none: '在此情景下，该配置不会出现亏损。',
    },
    help: '在沙盘台前：[ 和 ] 选择柱体，+ 和 − 以1%调整高度（Page Up/Down：5%），R 运行预测，X 回放下一个压力情景。可用鼠标或手指拖动柱体顶部；在VR中，握住手柄侧键抓住柱顶并上下移动，或在看板按钮上按侧键以点按。',
  },
}
