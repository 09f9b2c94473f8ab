import type { enMedia } from './enMedia.ts'

/** Simplified Chinese strings for voice in the branch. */
export const zhCNMedia: typeof enMedia = {
  voice: {
    listening: '收听中',
    listeningHint: '您是听众：主讲人可以邀请您发言。',
    connecting: '语音连接中…',
    reconnecting: '语音重新连接中…',
    unavailable: '语音不可用',
    unavailableHint: '语音聊天暂时不可用。您仍可走动、浏览和文字聊天。',
    micOn: '麦克风已开启（按 V 静音）',
    micOff: '麦克风已关闭（按 V 开启，按住 B 说话）',
    micError: '麦克风不可用：仅收听',
    enableAudio: '启用声音',
    settings: '语音设置',
    closeSettings: '关闭语音设置',
    device: '麦克风',
    defaultDevice: '默认麦克风',
    level: '麦克风音量',
    keys: '按 V 开关麦克风；麦克风关闭时按住 B 说话。',
    nearby: '您能听到同一区域内约 12 米以内的人。',
  },
  micCheck: {
    title: '检查麦克风',
    hint: '请说话，看音量条是否跳动。测试不会发送任何声音；进入网点后麦克风默认关闭（按 V 开启）。',
    start: '测试麦克风',
    stop: '停止测试',
    denied: '浏览器未允许使用麦克风。您仍可收听，之后可在网站设置中允许。',
    unavailable: '无法打开麦克风。您仍可收听和聊天。',
  },
}
