import type { AppNotice } from '../../../shared/ipc/contract.js'

interface Props {
  notices: AppNotice[]
  onDismiss: (index: number) => void
}

/** What happened at start that the user must hear about (the settings file was moved aside...), once. */
export function NoticeBanner({ notices, onDismiss }: Props) {
  if (notices.length === 0) return null
  return (
    <div className="banner-area" role="region" aria-label="Notices">
      {notices.map((notice, i) => (
        <div key={`${notice.kind}-${i}`} className="banner" role="status">
          <p className="banner-text">{notice.message}</p>
          <button
            type="button"
            className="button button--quiet"
            aria-label={`Dismiss: ${notice.message}`}
            onClick={() => onDismiss(i)}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  )
}
