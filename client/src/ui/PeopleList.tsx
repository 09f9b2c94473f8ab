import { AVATAR_COLORS, unpackLook } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { ModerationControls } from '../media/moderation/ModerationControls.tsx'
import { useAppStore } from '../state/useAppStore.ts'

/** Everyone in this instance, with their zone; the visitor first. */
export function PeopleList() {
  const { t } = useTranslation()
  const people = useAppStore((s) => s.people)
  const me = useAppStore((s) => s.sessionId)
  const list = Object.values(people).sort((a, b) =>
    a.sessionId === me ? -1 : b.sessionId === me ? 1 : a.name.localeCompare(b.name),
  )
  return (
    <section className="panel people" aria-labelledby="people-heading">
      <h2 id="people-heading">{t('people.title', { count: list.length })}</h2>
      <ul>
        {list.map((p) => (
          <li key={p.sessionId} data-person={p.id} className={p.connected ? '' : 'away'}>
            <span className="chip" style={{ background: AVATAR_COLORS[unpackLook(p.look).color] }} aria-hidden />
            <span className="name">{p.name}</span>
            {p.sessionId === me && <span className="muted"> {t('people.you')}</span>}
            {!p.connected && <span className="muted"> · {t('people.away')}</span>}
            <span className="zone muted">{t(`zones.${p.zone}`)}</span>
            {p.sessionId !== me && <ModerationControls id={p.id} name={p.name} />}
          </li>
        ))}
      </ul>
    </section>
  )
}
