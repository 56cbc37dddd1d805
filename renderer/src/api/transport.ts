import type { PreloadBridge, Transport } from '../../../shared/api/client.ts';
import type { ApiResponse } from '../../../shared/api/envelope.ts';

declare global {
  interface Window {
    selfeval?: PreloadBridge;
  }
}

const TOKEN_KEY = 'selfeval.token';

/** Takes the launch token from the URL fragment (never sent to a server) and clears it from view. */
export function captureToken(): string | null {
  const m = /(?:^#|&)token=([0-9a-f]+)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    window.history.replaceState(null, '', `${window.location.pathname}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpTransport(token: string): Transport {
  return {
    async invoke(method, input) {
      let res: Response;
      try {
        res = await fetch('./api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-SelfEval-Token': token },
          body: JSON.stringify({ method, input }),
        });
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: '无法连接到本机服务，请确认程序仍在运行。' } };
      }
      return (await res.json()) as ApiResponse<unknown>;
    },
  };
}

export function pickTransport(): Transport | null {
  if (window.selfeval) return { invoke: (m, i) => window.selfeval!.invoke(m, i) };
  const token = captureToken();
  return token ? httpTransport(token) : null;
}
