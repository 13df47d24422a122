#!/usr/bin/env node
// Entry point. Keeps start-up light: the packages are loaded only when a command (or a worker) needs them.
import { isMainThread, parentPort, workerData } from "node:worker_threads";

declare const __VERSION__: string;
const WORKER_FLAG = "govDisclosureWorker";

if (!isMainThread && workerData?.[WORKER_FLAG] && parentPort) {
  const { workerMain } = await import("./pool");
  await workerMain(parentPort);
} else if (process.argv.length === 3 && (process.argv[2] === "--version" || process.argv[2] === "-v")) {
  process.stdout.write(`${typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev"}\n`);
} else {
  // A reader that stops early (`| head`) closes the pipe: end quietly, as other command-line tools do.
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  const { main } = await import("./main");
  process.exitCode = await main(process.argv.slice(2));
}
