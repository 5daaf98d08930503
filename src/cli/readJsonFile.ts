import { readFile } from "node:fs/promises";
import { UsageError } from "./UsageError.js";

/**
 * Reads a JSON file given by a flag; a missing or unreadable file, or text that is not JSON, is a
 * {@link UsageError} naming the flag.
 */
export async function readJsonFile(path: string, flag: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UsageError(`--${flag}: cannot read the file "${path}"`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--${flag}: the file "${path}" is not JSON: ${(error as Error).message}`);
  }
}
