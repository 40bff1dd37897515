import type { Server } from "node:http";

/** Serves the widget's demo/ and dist/ on 127.0.0.1 (`port` 0: any free port). */
export declare const serve: (options?: { port?: number }) => Promise<{ server: Server; url: string }>;
