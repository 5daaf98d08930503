import type { Server } from "node:http";

/** The repository's root: what the examples' relative paths assume. */
export declare const REPOSITORY_ROOT: string;

/** Serves the files under `root` over HTTP on 127.0.0.1 (GET and HEAD; a folder serves its index.html). */
export declare function serveDirectory(root: string, port: number): Promise<Server>;
