import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { closeAdvisor } from './advisorStore.ts'

/**
 * The frame of the advisor panel and console: a labelled, non-modal region whose heading takes focus on opening;
 * keys typed inside never walk the avatar.
 */
export function PanelFrame({ title, className, children }: { title: string; className: string; children: ReactNode }) {
  const { t } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section
      id="advisor-panel"
      className={`panel ${className}`}
      aria-labelledby="advisor-heading"
      onKeyDown={(e) => e.stopPropagation()}
      onKeyUp={(e) => e.stopPropagation()}
    >
      <header className="sandbox-head">
        <h2 id="advisor-heading" tabIndex={-1} ref={heading}>
          {title}
        </h2>
        <button type="button" className="icon close" aria-label={t('advisor.close')} onClick={closeAdvisor}>
          ×
        </button>
      </header>
      {children}
    </section>
  )
}
