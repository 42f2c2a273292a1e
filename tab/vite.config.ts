import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

/** The tab is static files served by the service under /tab/ (one origin: no CORS, one token audience). */
export default defineConfig({
  root,
  base: "/tab/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // Fluent UI is most of the bundle; hashed and cached for a year, so one chunk is fine.
    chunkSizeWarningLimit: 1500,
    // Two pages: the tab, and the Outlook read-mail task pane (the only one that loads Office.js).
    rollupOptions: { input: { index: `${root}index.html`, outlook: `${root}outlook.html` } },
  },
});
