/**
 * The renderer's Content Security Policy. The renderer never talks to the network (every socket lives
 * in main), so nothing but the app's own scripts, styles and images is allowed.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** In development Vite injects styles and talks to its server over a websocket. */
export const DEV_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
  "connect-src 'none'",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
)
