/**
 * Who signs in to one server, and with what. Main process only: built from the keychain or from what
 * the user typed, handed to a probe or a mail client, never stored, logged or sent over IPC.
 */
export interface Login {
  username: string
  password: string
}
