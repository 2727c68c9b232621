/** Runs `fn` inside the current D-Bus session with a private, unlocked gnome-keyring; stops it afterwards. */
export function withKeyring<T>(fn: () => Promise<T>): Promise<T>
