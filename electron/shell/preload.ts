import { contextBridge, ipcRenderer } from 'electron';
import type { PreloadBridge } from '../../shared/api/client.ts';
import { IPC_CHANNEL } from './ipc-channel.ts';

// The renderer's whole view of the main process: one function that carries a contract call.
const bridge: PreloadBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_CHANNEL, method, input),
};

contextBridge.exposeInMainWorld('selfeval', bridge satisfies PreloadBridge);
