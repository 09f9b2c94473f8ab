/** English strings for voice in the branch: microphone, media settings and audio state (spread into en.ts). */
export const enMedia = {
  voice: {
    listening: 'Listening',
    listeningHint: 'You are in the audience: a presenter can invite you to speak.',
    connecting: 'Voice connecting…',
    reconnecting: 'Voice reconnecting…',
    unavailable: 'Voice unavailable',
    unavailableHint: 'Voice chat is not available right now. You can still walk, look around and chat.',
    micOn: 'Microphone on (V to mute)',
    micOff: 'Microphone off (V to unmute, hold B to talk)',
    micError: 'Microphone unavailable: listening only',
    enableAudio: 'Enable audio',
    settings: 'Voice settings',
    closeSettings: 'Close voice settings',
    device: 'Microphone',
    defaultDevice: 'Default microphone',
    level: 'Microphone level',
    keys: 'V turns the microphone on and off; hold B to talk while it is off.',
    nearby: 'You hear people within about 12 m in the same area.',
  },
}
