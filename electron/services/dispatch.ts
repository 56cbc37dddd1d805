import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError, type AppErrorDetail } from '../../shared/api/app-error.ts';
import { CLI_ONLY_METHODS, contract, isMethodName, type MethodName, RECOVERY_METHODS } from '../../shared/api/contract.ts';
import type { ApiResponse } from '../../shared/api/envelope.ts';
import { toAppError } from '../db/sqlite-errors.ts';
import { refusalFor } from './app-session.ts';
import type { ServiceContext } from './context.ts';
import { type Handler, handlers as defaultHandlers, type Handlers } from './handlers.ts';
import { refuseWriteToFinalYear } from './year-guard.ts';

export type Dispatch = (method: unknown, input: unknown) => Promise<ApiResponse<unknown>>;

function validationError(error: z.ZodError): AppError {
  const details: AppErrorDetail[] = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const summary = [...new Set(details.map((d) => d.message))].slice(0, 5).join('；');
  return new AppError('VALIDATION', `输入有误，未保存：${summary}`, details);
}

/**
 * The one entry point for every transport: checks the method name, validates the input against
 * the contract, refuses a write to a final year, runs the handler, validates the output, and
 * turns any failure into a typed error with a Chinese message. Invalid input never reaches a
 * service, so it can write nothing.
 */
export function createDispatcher(ctx: ServiceContext, handlers: Handlers = defaultHandlers, log: (e: unknown) => void = console.error): Dispatch {
  return async (method, rawInput) => {
    if (!isMethodName(method)) {
      return { ok: false, error: new AppError('VALIDATION', `未知的接口：${String(method)}`).toPayload() };
    }
    if (CLI_ONLY_METHODS.has(method) && ctx.transport !== 'cli' && ctx.transport !== 'direct') {
      return { ok: false, error: new AppError('VALIDATION', `接口 ${method} 只能在命令行中使用。`).toPayload() };
    }
    // While the data file cannot be used (recovery screen), nothing else may reach the database.
    const refused = RECOVERY_METHODS.has(method) ? null : refusalFor(ctx);
    if (refused) return { ok: false, error: refused.toPayload() };
    const spec = contract[method];
    const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) return { ok: false, error: validationError(parsed.error).toPayload() };
    try {
      if (spec.writes && spec.year) refuseWriteToFinalYear(ctx, spec.year, parsed.data);
      const handler = handlers[method] as Handler<MethodName>;
      const result = await handler(ctx, parsed.data as never);
      const checked = spec.output.safeParse(result);
      if (!checked.success) {
        log(checked.error);
        return { ok: false, error: new AppError('INTERNAL', `内部错误：接口 ${method} 的返回数据不符合约定。`).toPayload() };
      }
      return { ok: true, data: checked.data };
    } catch (err) {
      const appErr = toAppError(err, ctx.dataFile);
      if (appErr.code !== 'INTERNAL') return { ok: false, error: appErr.toPayload() };
      // An unexpected failure's own text can name paths and SQL, which mean nothing to a clerk.
      // The app's pages (the window over IPC, a browser over loopback HTTP) get an id to quote;
      // the details stay in this process's log under that id.
      if ((ctx.transport === 'http' || ctx.transport === 'ipc') && !(err instanceof AppError)) {
        const errorId = randomBytes(4).toString('hex');
        log(new Error(`内部错误 ${errorId}（接口 ${method}）`, { cause: err }));
        return { ok: false, error: new AppError('INTERNAL', `内部错误（错误编号 ${errorId}），操作未完成。请重试；如仍出错，请把错误编号告诉维护人员。`).toPayload() };
      }
      log(err);
      return { ok: false, error: appErr.toPayload() };
    }
  };
}
