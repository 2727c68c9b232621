/** The Electron executable, or null when it is not installed (offline machines). */
export function electronBinary(root?: string): string | null
