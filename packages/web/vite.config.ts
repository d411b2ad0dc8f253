import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The hub the dev server (port 5173) forwards /graphql (HTTP and graphql-ws) and /dev to. */
const hub = process.env.PCN_HUB_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  // Two pages: the Smart Inbox app and the GraphQL explorer (served by the hub at GET /graphql).
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No data: URLs or inline blocks: everything is a same-origin file under the strict CSP.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 8000,
    rollupOptions: {
      // GraphiQL's modules carry React Compiler directives ("use no memo") that bundling drops, harmlessly.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        explorer: fileURLToPath(new URL('explorer.html', import.meta.url)),
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': { target: hub, ws: true, changeOrigin: false },
      '/dev': { target: hub },
    },
  },
});
