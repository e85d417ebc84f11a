import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// The web app is built into web/dist and served by the Duban server itself (no CDN: the
// government intranet has no internet). In development, vite proxies /api to a local server.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  // Under vite 8 some CJS packages (antd locales, echarts-for-react) lose their default export
  // unless the legacy interop is on; see STACK.md. We also import antd/es/... to be safe.
  legacy: { inconsistentCjsInterop: true },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.DUBAN_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: process.env.DUBAN_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // 2-core build machines: sourcemaps off keeps builds quick; the budget is checked on gzip size.
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: true,
  },
});
