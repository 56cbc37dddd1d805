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
import './ui-font.css';
import { UI_FONT_FAMILY } from './ui-font-family.ts';

// Text outside antd's components (the start-up and recovery screens' plain elements) uses it too.
document.body.style.fontFamily = UI_FONT_FAMILY;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { fontFamily: UI_FONT_FAMILY } }}>
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
