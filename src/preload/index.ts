import { contextBridge, ipcRenderer } from 'electron'
import { exposeMailkey } from './api.js'

// the real modules in; the bridge itself (api.ts) is tested in Node with recording stand-ins
exposeMailkey({ contextBridge, ipcRenderer })
