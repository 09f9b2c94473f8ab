/**
 * Small built-in stop-word lists. Kept short on purpose: BM25's idf already discounts common words, so the lists
 * only remove words that carry no topic at all and would otherwise add noise to the coverage measure that drives
 * confidence (calibration.ts). Words that do carry a topic in a bank ("not", "long", "fee", 多少, 多久) stay in;
 * "where", "when" and similar question words go, since intents (intents.ts) read the raw text, not tokens.
 */

/** English function words and question fillers. */
export const EN_STOP = new Set(
  (
    'a an the is are am was were be been being to of in on at for and or but if so as by with from into about ' +
    'i me my mine we our us you your yours it its this that these those there here he she they them their ' +
    'do does did doing can could would should will shall may might must have has had having ' +
    'what which who whom how why please hi hello thanks thank just also any some get got let tell know want ' +
    'would like dont cannot ' +
    // generic verbs, adverbs and placeholders: in a bank FAQ they say nothing about the topic
    'then anything something someone somebody somewhere possible ' +
    'think way all through take make see need kind run go thing things really ok okay'
  ).split(/\s+/),
)

/**
 * Chinese particles, pronouns and question fillers. 想/要 are not here: 我想开户 and 开户 ask the same, but 我想
 * is one ICU segment, so the list names it whole.
 */
export const ZH_STOP = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 哦 么 嘛 是 在 我 你 您 他 她 它 我们 你们 他们 这 那 这个 那个 这些 那些 ' +
    '和 与 及 或 或者 就 都 也 还 请 请问 一下 一个 怎么 怎样 如何 什么 啥 哪些 可以 能 能不能 可不可以 ' +
    '我的 我想 我要 想要 想问 问问 有没有 是不是 一些 有关 关于 对于 告诉 知道 了解 一下子'
  ).split(/\s+/),
)

/**
 * Particles and pronouns: a character bigram containing one straddles two words (基金的, 我开) and is dropped.
 * Characters such as 在 and 是 are not here, since they also begin real words (在线, 是否).
 */
export const ZH_PARTICLES = new Set([...'的了吗呢吧啊呀哦么嘛我你您他她它'])

/** One-character function words: never half of a bigram bridging two one-character segments (限|额|是 → not 额是). */
export const ZH_FUNCTION = new Set([...ZH_PARTICLES, ...'是在有和与及或就都也还请要想做把被给让从向对'])
