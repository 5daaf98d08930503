/** A command line that cannot run as given: a bad flag, a missing file, an unknown column. Exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
