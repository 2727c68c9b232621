import { useRef, useState, type Ref } from 'react'
import { Field } from './Field.js'

interface Props {
  id: string
  label: string
  value: string
  hint: string
  error: string | null
  inputRef?: Ref<HTMLInputElement>
  /** Off while the keychain cannot keep what would be typed. */
  disabled?: boolean
  /** The raw text of the field, and whether it arrived by pasting. */
  onChange: (raw: string, pasted: boolean) => void
  /** The field's text after a paste (see afterPaste); unset: the browser's own paste. */
  pasteRule?: (value: string, selection: { start: number; end: number }, pasted: string) => string
}

/** One masked field with a Show/Hide button; the secret never leaves it except towards main. */
export function PasswordField({
  id,
  label,
  value,
  hint,
  error,
  inputRef,
  disabled = false,
  onChange,
  pasteRule,
}: Props) {
  const [shown, setShown] = useState(false)
  const pasting = useRef(false)
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <div className="input-group">
          <input
            {...control}
            ref={inputRef}
            className="input input--secret"
            type={shown ? 'text' : 'password'}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            value={value}
            disabled={disabled}
            onPaste={(e) => {
              const text = e.clipboardData.getData('text')
              if (!pasteRule || !text) {
                pasting.current = true
                return
              }
              e.preventDefault()
              const el = e.currentTarget
              const selection = { start: el.selectionStart ?? el.value.length, end: el.selectionEnd ?? el.value.length }
              onChange(pasteRule(el.value, selection, text), true)
            }}
            onChange={(e) => {
              onChange(e.target.value, pasting.current)
              pasting.current = false
            }}
          />
          <button
            type="button"
            className="button button--inline"
            aria-controls={id}
            aria-label={shown ? 'Hide password' : 'Show password'}
            disabled={disabled}
            onClick={() => setShown((s) => !s)}
          >
            {shown ? 'Hide' : 'Show'}
          </button>
        </div>
      )}
    </Field>
  )
}
