// Completes package-lock.json with entries for the other platforms' optional packages (biome's and rollup's
// native binaries for macOS, Windows, musl …). The registry this project's machines reach serves only the
// linux-x64 builds of them, so `npm install` leaves those entries out and `npm ci` then refuses the lock as
// out of sync. Run after any dependency change: node .ci/complete-lockfile.cjs package-lock.json
const fs = require("node:fs");
const path = process.argv[2];
const lock = JSON.parse(fs.readFileSync(path, "utf8"));
const platform = (name) => {
  const n = name.split("/")[1];
  const os = /android/.test(n)
    ? "android"
    : /darwin/.test(n)
      ? "darwin"
      : /win32/.test(n)
        ? "win32"
        : /freebsd/.test(n)
          ? "freebsd"
          : /openbsd/.test(n)
            ? "openbsd"
            : /openharmony/.test(n)
              ? "openharmony"
              : "linux";
  const cpu = /arm64/.test(n)
    ? "arm64"
    : /arm-/.test(n) || /-arm$/.test(n)
      ? "arm"
      : /ia32/.test(n)
        ? "ia32"
        : /loong64/.test(n)
          ? "loong64"
          : /ppc64/.test(n)
            ? "ppc64"
            : /riscv64/.test(n)
              ? "riscv64"
              : /s390x/.test(n)
                ? "s390x"
                : "x64";
  const libc = /musl/.test(n) ? ["musl"] : /gnu/.test(n) ? ["glibc"] : undefined;
  return { cpu: [cpu], libc, os: [os] };
};
let added = 0;
for (const [, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies || {})) {
    const key = `node_modules/${dep}`;
    if (lock.packages[key]) continue;
    // Keys in the order npm writes them, so that a later `npm install` leaves the file as it is.
    const { cpu, libc, os } = platform(dep);
    lock.packages[key] = { version, cpu, dev: true, ...(libc && { libc }), optional: true, os };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
fs.writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log("added", added);
