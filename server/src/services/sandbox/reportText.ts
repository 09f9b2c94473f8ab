import type { Lang } from '@atrium/common'

/** Every string of the plan report, in both languages (placeholders in braces). */
export const REPORT_TEXT: Record<Lang, Record<string, string>> = {
  en: {
    subtitle: 'Wealth plan report · prepared {date}',
    allocation: 'Allocation',
    assetClass: 'Asset class',
    weight: 'Weight',
    expReturn: 'Expected return',
    volatility: 'Volatility',
    risk: 'Risk level and suitability',
    riskLevel: 'Plan risk level: {risk} ({name}).',
    suitable: 'Suitable for your risk category {category}.',
    missing: 'No valid risk profile questionnaire on record: suitability has not been assessed.',
    questionnaire: 'Risk profile assessed on {date}.',
    confirmed: 'The customer confirmed this warning on {date}.',
    projection: "Projection (today's money)",
    inputs:
      'Start with {initial}, add {monthly} a month (rising with inflation) for {years} years; goal {goal} in year {goalYear}.',
    year: 'Year',
    goal: 'Probability of reaching the goal of {goal} in year {goalYear}: {probability}.',
    noGoal: 'No goal set.',
    medianEnd: 'Median wealth after {years} years: {amount}.',
    stress: 'Stress replays (shock applied to today’s starting amount)',
    scenario: 'Scenario',
    loss: 'Loss',
    lossPct: 'Loss %',
    recovery: 'Recovery (median returns)',
    months: '{n} months',
    never: 'beyond 100 years',
    none: 'no loss',
    assumptions: 'Assumptions used',
    method:
      'Monte Carlo with log-normal, correlated monthly returns; inflation {inflation} a year; annual rebalancing; no fees or taxes; {paths} paths; seed {seed}.',
    illustrative: 'Illustrative {currency} capital market assumptions, not forecasts.',
    disclosures: 'Disclosures',
    hypothetical:
      'All results are hypothetical, not guaranteed. They are projections of a model under the assumptions above, not predictions or promises of returns. Past crises replayed here may not resemble future ones. This report is not an offer or a recommendation to buy any product.',
    footer: 'Atrium wealth sandbox · {date} · Hypothetical results, not guaranteed.',
  },
  'zh-CN': {
    subtitle: '财富规划报告 · 生成于 {date}',
    allocation: '资产配置',
    assetClass: '资产类别',
    weight: '比例',
    expReturn: '预期收益',
    volatility: '波动率',
    risk: '风险等级与适当性',
    riskLevel: '方案风险等级：{risk}（{name}）。',
    suitable: '与您的风险承受能力等级 {category} 相匹配。',
    missing: '暂无有效的风险承受能力评估问卷，尚未进行适当性评估。',
    questionnaire: '风险测评日期：{date}。',
    confirmed: '客户已于 {date} 确认上述风险提示。',
    projection: '预测（按今日购买力）',
    inputs: '初始投入 {initial}，每月追加 {monthly}（随通胀增长），共 {years} 年；目标：第 {goalYear} 年达到 {goal}。',
    year: '年份',
    goal: '第 {goalYear} 年达到目标 {goal} 的概率：{probability}。',
    noGoal: '未设定目标。',
    medianEnd: '{years} 年后资产中位数：{amount}。',
    stress: '历史压力情景回放（冲击作用于今日初始金额）',
    scenario: '情景',
    loss: '损失',
    lossPct: '损失比例',
    recovery: '恢复时间（按中位收益）',
    months: '{n} 个月',
    never: '超过 100 年',
    none: '无损失',
    assumptions: '所用假设',
    method:
      '蒙特卡洛模拟，月度收益服从相关的对数正态分布；年通胀 {inflation}；每年再平衡；未计费用与税收；{paths} 条路径；种子 {seed}。',
    illustrative: '示意性的 {currency} 资本市场假设，并非预测。',
    disclosures: '重要提示',
    hypothetical:
      '以上所有结果均为假设性推演，不构成收益保证。结果是模型在上述假设下的推算，并非对收益的预测或承诺。此处回放的历史危机未必与未来相似。本报告不构成任何产品的要约或购买建议。',
    footer: 'Atrium 财富沙盘 · {date} · 假设性结果，不构成保证。',
  },
}

/** A report string with its placeholders filled. */
export function reportText(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  const text = REPORT_TEXT[lang][key] ?? key
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`))
}
