// The `keyaccount` executable: the only place that touches process state.
import { runCli } from "./runCli.js";

process.exitCode = await runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr },
  process.env,
);
