import { AppError } from './app-error.ts';
import type { MethodInput, MethodName, MethodOutput } from './contract.ts';
import type { ApiResponse } from './envelope.ts';

// A transport carries one call and brings back the envelope. IPC, loopback HTTP and in-process
// calls all fit this shape, so callers cannot tell which one they have.
export interface Transport {
  invoke(method: string, input: unknown): Promise<ApiResponse<unknown>>;
}

/** What the Electron preload exposes as `window.selfeval`: one transport (browser mode has none). */
export type PreloadBridge = Transport;

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

export function createClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      const res = await transport.invoke(method, input);
      if (!res.ok) throw AppError.fromPayload(res.error);
      return res.data as never;
    },
  };
}
