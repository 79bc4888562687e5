import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The portal is served by the web edge (services/web) from dist/public; `/api` is the edge's, never Vite's.
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/public', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // No inline scripts or styles: the edge's Content-Security-Policy allows 'self' only.
    assetsInlineLimit: 0,
  },
});
