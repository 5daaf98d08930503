// Makes sure Debian's Chromium (and the Noto CJK fonts, so Chinese text renders) is installed for the browser
// tests, installing the missing packages with apt-get: as root directly, otherwise through `sudo -n`. Quick and
// silent when everything is there already. Playwright's own browser downloads are never used: the tests launch
// /usr/bin/chromium (see launchBrowser.ts). Run: `node test/browser/ensureChromium.mjs`.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

// The browser the tests launch.
const CHROMIUM_PATH = "/usr/bin/chromium";

// Each Debian package with a file that exists once it is installed.
const PACKAGES = [
  { name: "chromium", file: CHROMIUM_PATH },
  { name: "fonts-noto-cjk", file: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" },
];

function fail(message) {
  console.error(`ensureChromium: ${message}`);
  process.exit(1);
}

const missing = PACKAGES.filter((entry) => !existsSync(entry.file)).map((entry) => entry.name);
if (missing.length > 0) {
  const install = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(" ")}`;
  const help = `the browser tests need Debian's ${missing.join(" and ")}; install with: ${install}`;
  if (process.platform !== "linux" || !existsSync("/usr/bin/apt-get")) fail(`${help} (no apt-get here).`);
  const root = process.getuid?.() === 0;
  if (!root && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status !== 0) {
    fail(`${help} (as root: this user is not root and cannot use sudo without a password).`);
  }
  console.log(`ensureChromium: installing ${missing.join(", ")} …`);
  const command = root ? ["sh", "-c", install] : ["sudo", "-n", "sh", "-c", install];
  const result = spawnSync(command[0], command.slice(1), {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  const still = PACKAGES.filter((entry) => !existsSync(entry.file)).map((entry) => entry.name);
  if (result.status !== 0 || still.length > 0) fail(`the install failed; ${help}.`);
}
const version = spawnSync(CHROMIUM_PATH, ["--version"], { encoding: "utf8" });
if (version.status !== 0) fail(`${CHROMIUM_PATH} --version failed: ${version.stderr || version.error}`);
if (missing.length > 0) console.log(`ensureChromium: ${version.stdout.trim()}`);
