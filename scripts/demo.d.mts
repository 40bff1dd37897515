import type { PreviewServer } from "vite";

/** Serves packages/widget's demo/ and dist/ unmodified on 127.0.0.1 (`port` 0: any free port). */
export declare const previewWidget: (options?: {
  port?: number;
}) => Promise<{ server: PreviewServer; url: string }>;
