/**
 * Text → Oculus viseme timelines for the digital host's lips (zh-CN through pinyin, English by
 * rule), with the helpers a speech driver needs. Pure TypeScript: no DOM, usable in Node tests.
 */
export { VISEMES, VISEME_INDEX, isVowelViseme, type Viseme, type VisemeTimeline } from './visemes.ts'
export { TIMING, timeAtChar, visemeAt, visemeTimeline, type VisemeFrame } from './timeline.ts'
export { englishWordVisemes } from './en.ts'
export { syllableVisemes } from './zh.ts'
