import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { AppError } from '../../shared/api/app-error.ts';
import type { ApiResponse } from '../../shared/api/envelope.ts';
import type { Dispatch } from '../services/dispatch.ts';
import { IPC_CHANNEL } from './ipc-channel.ts';
import { isAppUrl } from './window-options.ts';

/** True when the call comes from the app's own top-level page, not an injected frame. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

// The contract's only IPC door: the sender frame is checked before the dispatcher validates the
// method name and input.
export function registerIpc(dispatch: Dispatch): void {
  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, input: unknown): Promise<ApiResponse<unknown>> => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: new AppError('UNAUTHORIZED', '拒绝访问：请求不是来自本程序的页面。').toPayload() };
    }
    return dispatch(method, input);
  });
}
