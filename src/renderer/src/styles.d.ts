/** Stylesheets are imported for their effect only; Vite bundles them into one CSS file. */
declare module '*.css'
