import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import { useHostChat } from './hostChatStore.ts'
import { HostLine } from './HostLine.tsx'

/** The conversation so far, scrolled to the newest line, with a "thinking" line while a reply is awaited. */
export function HostLines({ onAsk }: { onAsk: (text: string) => void }) {
  const { t } = useTranslation()
  const items = useHostChat((s) => s.items)
  const pending = useHostChat((s) => s.pending)
  const list = useRef<HTMLOListElement>(null)

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'end' })
  }, [items.length, pending])

  return (
    <ol ref={list} className="host-lines" aria-label={t('host.conversation')}>
      <li className="host-line from-host kind-intro">
        <span className="text">{t('host.intro')}</span>
      </li>
      {items[0]?.restored && <li className="host-restored muted small">{t('host.restored')}</li>}
      {items.map((item) => (
        <HostLine key={item.id} item={item} onSuggest={onAsk} busy={pending} />
      ))}
      {pending && (
        <li className="host-line from-host thinking muted" aria-busy>
          {t('host.thinking')}
        </li>
      )}
    </ol>
  )
}
