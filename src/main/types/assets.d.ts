/// <reference types="electron-vite/node" />

/** What main reads of Vite's `import.meta.env`: set in an electron-vite build, absent under Node alone. */
interface ImportMeta {
  readonly env?: { readonly PROD?: boolean }
}
