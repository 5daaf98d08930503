import type { AddressInfo } from "node:net";
import { type Browser, chromium, type Page } from "playwright-core";
import { REPOSITORY_ROOT, serveDirectory } from "../../examples/what-if/serve.mjs";

/** Debian's Chromium (test/browser/ensureChromium.mjs installs it); Playwright's own browsers are never used. */
const CHROMIUM_PATH = "/usr/bin/chromium";

// Headless, as root in CI, on a closed network: no sandbox, no GPU, and none of the background connections that
// the network would refuse.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * A page in a real browser, with the repository served on localhost.
 *
 * @example
 * ```ts
 * const { page, baseUrl, errors, close } = await launchBrowser();
 * ```
 */
export interface BrowserSession {
  /** The page, at about:blank. */
  page: Page;
  /** The browser, for more pages. */
  browser: Browser;
  /** The server's address, e.g. `http://127.0.0.1:41234/`; `new URL("examples/what-if/", baseUrl)`. */
  baseUrl: string;
  /** What the page printed as console errors and uncaught exceptions, in order. */
  errors: string[];
  /** Closes the browser and stops the server. */
  close(): Promise<void>;
}

/**
 * Serves the repository on a free localhost port and opens a page in headless Chromium (a fresh profile each
 * time), for the tests of the browser examples and of the HTML report.
 *
 * @param viewport - The page's size in CSS pixels; default 1440 × 900, a laptop screen.
 * @returns The {@link BrowserSession}; call `close()` when done.
 * @throws When Chromium cannot start (run `node test/browser/ensureChromium.mjs` to install it).
 *
 * @example
 * ```ts
 * const session = await launchBrowser();
 * await session.page.goto(new URL("examples/what-if/", session.baseUrl).href);
 * await session.page.title(); // => "What if? · keyaccount"
 * await session.close();
 * ```
 */
export async function launchBrowser(
  viewport: { width: number; height: number } = { width: 1440, height: 900 },
): Promise<BrowserSession> {
  const server = await serveDirectory(REPOSITORY_ROOT, 0);
  const { port } = server.address() as AddressInfo;
  const stopServer = (): Promise<void> =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    await stopServer();
    throw error;
  }
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return {
    page,
    browser,
    baseUrl: `http://127.0.0.1:${port}/`,
    errors,
    async close(): Promise<void> {
      await browser.close();
      await stopServer();
    },
  };
}
