import type { App } from 'antd';
import { AppError } from '../../../../shared/api/app-error.ts';

// A framework change that would delete stored scores is refused by the service with the list of
// indicators concerned (CONFLICT). Here the user sees that list and, if they agree, the change is
// sent again confirming exactly those indicators.

export async function withDropConfirmation<T>(
  modal: ReturnType<typeof App.useApp>['modal'],
  call: (confirmDrop?: string[]) => Promise<T>,
): Promise<T | null> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'CONFLICT' || err.details.length === 0) throw err;
    const ok = await modal.confirm({
      title: `以下 ${err.details.length} 项指标的已填评分将被删除`,
      width: 620,
      content: (
        <div data-testid="drop-confirm">
          <ul style={{ paddingLeft: 20 }}>
            {err.details.map((d) => (
              <li key={d.path ?? d.message}>{d.message}</li>
            ))}
          </ul>
          删除后可在“修改记录”中撤销本次修改找回。确定继续吗？
        </div>
      ),
      okText: '删除这些评分并保存',
      okButtonProps: { danger: true },
      cancelText: '取消',
    });
    if (!ok) return null;
    return call(err.details.map((d) => d.path ?? '').filter((p) => p !== ''));
  }
}
