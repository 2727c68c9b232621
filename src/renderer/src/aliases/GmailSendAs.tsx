import { PROVIDER_PAGES } from '../../../shared/providers.js'

interface Props {
  id: string
  /** The address being added, or null for "the address". */
  address: string | null
  /** Offers the settings link; off where a fix button next to it already opens the same page. */
  onOpen?: ((url: string) => void) | undefined
}

/**
 * Gmail's own verification of a send-as address, which no check of Mailkey's can do: Google mails a
 * confirmation to the alias itself. Says where to add it and what that message looks like.
 */
export function GmailSendAs({ id, address, onOpen }: Props) {
  const which = address ?? 'the address'
  return (
    <div className="gmail-send-as" role="note" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="gmail-send-as-title">
        Gmail confirms each address itself
      </p>
      <ol className="gmail-send-as-steps">
        <li>In Gmail, open Settings → Accounts → “Send mail as” and choose “Add another email address”.</li>
        <li>
          Google then sends a confirmation message to {which}: from “Gmail Team” (forwarding-noreply@google.com), with
          the subject “Gmail Confirmation - Send Mail as {which}”.
        </li>
        <li>
          Open it in that address’s mailbox and click its link, or type its confirmation code into Gmail’s window.
        </li>
      </ol>
      <p>Until then Gmail sends with your account address in the From instead. The round trip check shows it.</p>
      {onOpen && (
        <div className="actions actions--start">
          <button type="button" className="button" onClick={() => onOpen(PROVIDER_PAGES.gmailSendAs)}>
            Open Gmail’s “Send mail as” settings
          </button>
        </div>
      )}
    </div>
  )
}
