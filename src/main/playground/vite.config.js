import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Built by Maven into the jar's classpath (target/classes/playground), so the jar serves the page with nothing
// fetched at run time. Relative asset paths, since the page is served at the playground's root.
export default defineConfig({
  plugins: [react()],
  base: "./",
  build: {
    outDir: process.env.PLAYGROUND_OUT ?? "../../../target/classes/playground",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
