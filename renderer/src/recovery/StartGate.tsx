import { Alert, Flex, Result, Spin } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import type { AppState, RecoveryRestoreResult } from '../../../shared/recovery/schemas.ts';
import { api } from '../api/client.ts';
import { RecoveryScreen, RestoredScreen } from './RecoveryScreen.tsx';

/**
 * Asks the main process what it found at start-up before anything else loads: the normal app
 * (its children) mounts only once the data file is open, so no page ever calls a method that
 * would be refused; otherwise the recovery screen is shown.
 */
export function StartGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AppState | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [restored, setRestored] = useState<RecoveryRestoreResult | null>(null);

  useEffect(() => {
    api?.call('app.state', {}).then(setState, (err: Error) => setFailure(err.message));
  }, []);

  // The page check of the data file runs after start-up: while it does, the state is asked again,
  // so damage it finds brings up the same recovery screen.
  const checking = state?.checking === true;
  useEffect(() => {
    if (!checking || !api) return;
    const timer = setInterval(() => {
      api!.call('app.state', {}).then(setState, () => {
        // asked again at the next tick
      });
    }, 1500);
    return () => clearInterval(timer);
  }, [checking]);

  // Without a token the app itself says how to open it.
  if (!api) return children;
  if (failure) return <Result status="error" title="部门整体支出绩效自评：无法读取程序状态" subTitle={failure} />;
  if (!state) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (restored) return <RestoredScreen result={restored} onContinue={() => setRestored(null)} />;
  if (state.status === 'ready') return children;
  if (state.status === 'read-only') {
    return (
      <>
        <Alert type="warning" banner title={state.problem?.message ?? '数据文件只读：可以查看，不能修改。'} data-testid="read-only-banner" />
        {children}
      </>
    );
  }
  return (
    <RecoveryScreen
      state={state}
      onState={setState}
      onRestored={(r) => {
        setState(r.state);
        setRestored(r);
      }}
    />
  );
}
