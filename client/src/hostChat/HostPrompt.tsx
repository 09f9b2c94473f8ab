import { useTranslation } from 'react-i18next'

import { openHostPanel, useHostChat } from './hostChatStore.ts'

const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches

/** A quiet offer to talk, shown while the visitor stands near the host and the panel is closed. */
export function HostPrompt() {
  const { t } = useTranslation()
  const show = useHostChat((s) => s.nearHost && !s.open)
  return (
    <div className="host-prompt-slot" role="status">
      {show && (
        <button type="button" id="host-prompt" className="host-prompt" onClick={openHostPanel}>
          {coarse ? (
            t('host.promptTouch')
          ) : (
            <>
              <kbd aria-hidden>H</kbd> {t('host.prompt')}
            </>
          )}
        </button>
      )}
    </div>
  )
}
