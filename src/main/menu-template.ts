/** The subset of Electron's MenuItemConstructorOptions this menu uses (so a Node test can check it). */
export interface MenuItem {
  label?: string
  role?: string
  type?: 'separator'
  submenu?: MenuItem[]
}

/**
 * The application menu. A packaged app offers no Reload and no developer tools (they would reload away
 * a half-typed password or expose the page); development keeps both.
 */
export function menuTemplate(opts: { packaged: boolean; mac: boolean }): MenuItem[] {
  const view: MenuItem[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ]
  if (!opts.packaged) view.unshift({ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' })
  return [
    ...(opts.mac
      ? [{ label: 'Mailkey', submenu: [{ role: 'about' }, { type: 'separator' as const }, { role: 'quit' }] }]
      : []),
    { label: 'File', submenu: [opts.mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: 'View', submenu: view },
    { label: 'Window', submenu: [{ role: 'minimize' }, ...(opts.mac ? [{ role: 'zoom' }] : [{ role: 'close' }])] },
  ]
}
