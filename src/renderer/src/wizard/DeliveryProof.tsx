interface Props {
  email: string
  checked: boolean
  /** The validation message is read back over IMAP; a POP3 account cannot prove it. */
  imap: boolean
  disabled: boolean
  onChange: (on: boolean) => void
}

/** The opt-in for validate and save: one real message from the address to itself before saving. */
export function DeliveryProof({ email, checked, imap, disabled, onChange }: Props) {
  return (
    <div className="delivery-proof">
      <div className="checkbox-field">
        <input
          id="prove-delivery"
          type="checkbox"
          className="checkbox"
          checked={checked && imap}
          disabled={disabled || !imap}
          aria-describedby="prove-delivery-hint"
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor="prove-delivery">Prove delivery: send a validation message to myself before saving</label>
      </div>
      <p id="prove-delivery-hint" className="field-hint">
        {imap
          ? `Mailkey tests both servers again, sends one short message from ${email} to ${email} and reads it back (up to a minute). The account is saved only if it arrives.`
          : 'The validation message is read back over IMAP; with POP3 only the server test can prove these settings.'}
      </p>
    </div>
  )
}
