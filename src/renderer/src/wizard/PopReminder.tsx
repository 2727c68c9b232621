import { isGoogle } from '../lib/google.js'
import { useOpenExternal } from '../ui/use-open-external.js'
import { PROVIDER_PAGES } from '../../../shared/providers.js'
import type { Setup } from './setup.js'

/** Gmail answers POP3 only after POP is switched on in its own settings; the test would just fail. */
export function PopReminder({ setup }: { setup: Setup }) {
  const [open, problem] = useOpenExternal()
  if (setup.incoming.protocol !== 'pop3' || !isGoogle(setup.detected.provider?.id)) return null
  return (
    <div className="notice pop-reminder">
      <p>
        <strong>Turn on POP in Gmail first.</strong> In Gmail’s settings, under “Forwarding and POP/IMAP”, choose
        “Enable POP for all mail” (or for mail from now on) and save.
      </p>
      <button type="button" className="button" onClick={() => open(PROVIDER_PAGES.gmailPopImap)}>
        Open Gmail’s POP settings
      </button>
      {problem && <p className="field-error">{problem}</p>}
    </div>
  )
}
