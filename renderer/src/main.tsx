import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { StartGate } from './recovery/StartGate.tsx';
import { DirtyGuardProvider } from './state/dirty-guard.tsx';
import { SessionProvider } from './state/session.tsx';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif' } }}>
      <AntApp>
        <StartGate>
          <DirtyGuardProvider>
            <SessionProvider>
              <App />
            </SessionProvider>
          </DirtyGuardProvider>
        </StartGate>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
