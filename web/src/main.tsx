import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
// antd/es/... and not antd/locale/...: under vite 8 the CJS entry silently yields English (STACK.md).
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError, setCsrfInvalidHandler, setUnauthenticatedHandler } from './api/client';
import { ME_KEY, dropSession } from './auth/session';
import { AppRoutes, preloadFor } from './routes';
import { theme } from './theme';
import './styles.css';

dayjs.locale('zh-cn');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers (refused, not found) will not change on retry; only retry transient failures.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: true,
      staleTime: 15_000,
    },
  },
});

// Any 401 after sign-in means the session expired (idle timeout) or was ended elsewhere: drop the
// cached session so the router sends the user to /login instead of showing a broken page.
setUnauthenticatedHandler((err) => dropSession(queryClient, err));
setCsrfInvalidHandler(() => void queryClient.invalidateQueries({ queryKey: ME_KEY }));

// The chunks this address needs start downloading now, alongside the session request.
preloadFor(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
