import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const ANTD_ICONS = /[\\/]node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/;

/**
 * Every page starts by asking who is signed in (GET /api/auth/me, web/src/auth/session.ts). The app
 * can only send that request once its JavaScript has downloaded and run; a preload in index.html
 * sends it with the page, and the app's fetch (same URL, same-origin credentials) takes its answer.
 */
function preloadSession(): Plugin {
  return {
    name: 'duban-preload-session',
    transformIndexHtml: () => [
      {
        tag: 'link',
        attrs: { rel: 'preload', href: '/api/auth/me', as: 'fetch', crossorigin: 'anonymous' },
        injectTo: 'head',
      },
    ],
  };
}

/**
 * Two heavy parts of antd components that our pages never show, split off where antd imports them:
 * Pagination's page-size changer (a Select: rc-select and its virtual list) and Table's tree-mode
 * column filter (a Tree: rc-tree). Pagination and Table import them statically, so every page with a
 * paged list or a table downloaded both (~40 kB gzip, a tenth of the office home). Only those two
 * imports are redirected, to stand-ins in web/src/antd-parts/ that load the real component the
 * first time it renders; a page that imports Select or Tree itself gets it as before. Build only
 * (the dev server pre-bundles antd). If antd stops importing them this way the build says so, so
 * the split is never lost silently.
 */
const LAZY_ANTD_PARTS = [
  {
    importer: /[\\/]antd[\\/]es[\\/]pagination[\\/]Pagination\.js$/,
    source: '../select',
    standIn: 'src/antd-parts/LazySelect.tsx',
  },
  {
    importer: /[\\/]antd[\\/]es[\\/]table[\\/]hooks[\\/]useFilter[\\/]FilterDropdown\.js$/,
    source: '../../../tree',
    standIn: 'src/antd-parts/LazyTree.tsx',
  },
];

function lazyAntdParts(): Plugin {
  const redirected = new Set<string>();
  return {
    name: 'duban-lazy-antd-parts',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer) return null;
      const part = LAZY_ANTD_PARTS.find((p) => p.source === source && p.importer.test(importer));
      if (!part) return null;
      redirected.add(part.standIn);
      return path.join(webRoot, part.standIn);
    },
    buildEnd(error) {
      if (error) return;
      const missed = LAZY_ANTD_PARTS.filter((p) => !redirected.has(p.standIn));
      if (missed.length)
        this.error(
          `antd no longer imports ${missed.map((p) => `${p.source} (${p.standIn})`).join(', ')} where expected: update LAZY_ANTD_PARTS in web/vite.config.ts`,
        );
    },
  };
}

/**
 * Writes a .br and a .gz beside every script, style sheet and page of the build; the server sends
 * them to browsers that accept them (@fastify/static preCompressed). Compressing once at build
 * time costs no CPU per request: the office dashboard's 1.1 MB of JavaScript leaves as ~0.38 MB.
 */
function precompress(): Plugin {
  return {
    name: 'duban-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const outDir = options.dir ?? path.join(webRoot, 'dist');
      for (const file of [...Object.keys(bundle), 'index.html']) {
        if (!/\.(js|css|html|svg)$/.test(file)) continue;
        const full = path.join(outDir, file);
        if (!fs.existsSync(full)) continue;
        const content = fs.readFileSync(full);
        if (content.length < 1024) continue;
        fs.writeFileSync(`${full}.gz`, zlib.gzipSync(content, { level: 9 }));
        fs.writeFileSync(`${full}.br`, zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

// The web app is built into web/dist and served by the Duban server itself (no CDN: the
// government intranet has no internet). In development, vite proxies /api to a local server.
export default defineConfig({
  root: webRoot,
  plugins: [lazyAntdParts(), react(), preloadSession(), precompress()],
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
    rolldownOptions: {
      output: {
        // Rolldown's automatic chunks follow which pages share a module; three groups on top:
        // - react: React, the router and react-query, which every page needs and which change
        //   rarely, so a release that changes pages leaves this file in the browser's cache;
        // - icons: the antd icons the pages use, in one file (~15 KB gzip). Left alone, each icon
        //   shared by a few pages becomes a file of its own (~0.5 KB): a dozen requests on a home page;
        // - icons-entry: the few icons the entry itself needs (antd's Result, messages), kept apart
        //   so the first download does not carry every page's icons.
        // Grouping antd too (one file, or per set of pages) saves more requests but adds 60 KB or
        // more to the sign-in page or the office dashboard (bench/web.bench.ts measures both).
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/][^\\/]+)[\\/]/,
              priority: 3,
            },
            { name: 'icons-entry', test: ANTD_ICONS, tags: ['$initial'], priority: 2 },
            { name: 'icons', test: ANTD_ICONS, priority: 1 },
          ],
        },
      },
    },
  },
});
