import { AppError } from '../../shared/api/app-error.ts';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract.ts';
import type { ServiceContext } from '../services/context.ts';
import { createDispatcher } from '../services/dispatch.ts';

/**
 * Calls one contract method through the dispatcher, as the app's transports do, and returns its
 * output or throws its error. A refusal with several problems keeps them all in the message, since
 * a terminal has no dialog to list the details in.
 */
export async function callApi<M extends MethodName>(ctx: ServiceContext, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const res = await createDispatcher(ctx)(method, input);
  if (res.ok) return res.data as MethodOutput<M>;
  const err = AppError.fromPayload(res.error);
  const more = err.details.map((d) => d.message).filter((m) => !err.message.includes(m));
  if (more.length === 0) throw err;
  throw new AppError(err.code, [err.message, ...more.map((m) => `  · ${m}`)].join('\n'), err.details);
}
