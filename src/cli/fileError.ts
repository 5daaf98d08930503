import { systemReason } from "./systemReason.js";
import { UsageError } from "./UsageError.js";

/**
 * The usage error for a file that cannot be read: `cli.file.missing` when it does not exist, else
 * `cli.file.unreadable` with the system's reason (its code, e.g. `EACCES` no permission, `EISDIR` a folder).
 *
 * @param path - The file.
 * @param error - What the file system threw.
 * @returns The error to throw.
 *
 * @example
 * ```ts
 * fileError("sales.csv", Object.assign(new Error("no such file"), { code: "ENOENT" })).message;
 * // => 'cannot read the file "sales.csv": it does not exist'
 * ```
 */
export function fileError(path: string, error: unknown): UsageError {
  if ((error as { code?: unknown } | undefined)?.code === "ENOENT")
    return new UsageError("cli.file.missing", { path });
  return new UsageError("cli.file.unreadable", { path, reason: systemReason(error) });
}
