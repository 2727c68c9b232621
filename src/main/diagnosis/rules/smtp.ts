import { code, either, has, type Rule } from '../facts.js'
import { CLIENT_WANTS_ENCRYPTION, NO_AUTH_OFFERED } from './client-stacks.js'

/** How the session must be set up before a password may be sent: encryption first, a mechanism both sides know. */
export const SESSION_RULES: readonly Rule[] = [
  {
    // Postfix/Gmail 530 5.7.0, Dovecot [PRIVACYREQUIRED] and its log lines, Go's net/smtp refusing to
    // send a password unencrypted, the probe's finding that AUTH appears only after STARTTLS
    cause: 'starttls_required',
    when: either(
      code('SMTP_AUTH_AFTER_STARTTLS'),
      has(CLIENT_WANTS_ENCRYPTION),
      has(
        /Must issue a STARTTLS command first|STARTTLS (is )?required|PRIVACYREQUIRED|Plaintext authentication (disallowed|disabled|not allowed)|disallowed plaintext auth|LOGINDISABLED|Encryption required for requested authentication mechanism|\b5\.7\.11\b/i,
      ),
    ),
  },
  {
    // The server offers no AUTH we can use here: Exchange's NTLM-only 504 5.7.4, Exim's 503 when AUTH
    // is only advertised after STARTTLS, Postfix on port 25, Python's "SMTP AUTH extension not supported"
    cause: 'auth_mechanism_unsupported',
    when: either(
      code('ENOAUTHMECH'),
      has(NO_AUTH_OFFERED),
      has(
        /Unrecognized authentication type|\b5\.7\.4\b|no form of authori[sz]ation supported|AUTH command used when not advertised|SMTP AUTH extension not supported|authentication not enabled|Authentication mechanism is too weak|No supported authentication (methods|mechanisms)|Unsupported authentication mechanism|authentication mechanism (is )?not supported|Command unrecognized: "?AUTH|command "?AUTH"? not recognized/i,
      ),
    ),
  },
]

/** Refusals during the mail transaction (MAIL FROM, RCPT TO), after the login rules. */
export const TRANSACTION_RULES: readonly Rule[] = [
  {
    // Checked before the sender rule: Postfix's "Sender address rejected: not logged in" is a missing login
    cause: 'auth_required_before_send',
    when: has(
      /Authentication (is )?required|Must authenticate|SMTP AUTH (is )?required|Client (was )?not authenticated|\b5\.7\.57\b|Sender address rejected: not logged in|turn on SMTP Authentication|relay through this server without authentication|Please authenticate/i,
    ),
  },
  {
    // Zoho says "553 Relaying disallowed as <from>" when From is not the signed-in address (mybb#2644)
    cause: 'sender_not_allowed',
    when: has(
      /Sender address rejected|not owned by (auth )?user|does not have permissions to send as|not allowed to send (as|from)|SendAsDenied|\b5\.7\.60\b|Relaying disallowed as|From address is not one of your addresses|Sender address is not allowed|Sender verify failed|From address not verified|Invalid Sender|not authori[sz]ed to send (as|from|on behalf)/i,
    ),
  },
  {
    cause: 'relay_denied',
    when: has(
      /Relay(ing)? (access )?(denied|not permitted|prohibited|disallowed)|Unable to relay|relay not permitted|we do not relay|not permitted to relay/i,
    ),
  },
]
