import { readFile } from "node:fs/promises";
import { fileError } from "./fileError.js";
import { UsageError } from "./UsageError.js";

/**
 * Reads a JSON file given by a flag; a missing or unreadable file, or text that is not JSON, is a
 * {@link UsageError} naming the file.
 */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw fileError(path, error);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError("cli.file.not-json", { path, reason: (error as Error).message });
  }
}
