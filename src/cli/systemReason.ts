/**
 * Why the system refused a file operation, in words that need no translation: the error's code (`EACCES` no
 * permission, `EISDIR` a folder, `ENOTDIR` …), else its message.
 *
 * @param error - What the file system threw.
 * @returns The reason.
 *
 * @example
 * ```ts
 * systemReason(Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" })); // => "EACCES"
 * ```
 */
export function systemReason(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === "string") return code;
  return error instanceof Error ? error.message : String(error);
}
