import { formatMessage } from "../model/formatMessage.js";
import type { Locale } from "../model/locale.js";

/**
 * A progress line on standard error in the user's language, redrawn at most five times a second, shown only when
 * standard error is a terminal (never in pipes, logs or CI). Returns the callback for {@link readRows} and a
 * function that clears the line.
 */
export function createProgress(
  label: string,
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  locale: Locale,
): {
  update: (bytesRead: number, totalBytes: number) => void;
  done: () => void;
} {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  return {
    update(bytesRead, totalBytes) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      const percent = totalBytes > 0 ? Math.min(100, (100 * bytesRead) / totalBytes) : 100;
      const size = (totalBytes / 1e6).toFixed(1);
      stream.write(
        `\r${formatMessage("cli.progress", { file: label, percent: percent.toFixed(0), size }, locale)}`,
      );
    },
    done() {
      stream.write("\r\x1b[K");
    },
  };
}
