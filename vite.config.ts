import { defineConfig } from 'vite';

// The client lives in client/; the server serves client/dist (built by `npm start` when needed).
export default defineConfig({
  root: 'client',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
