(globalThis as any).NOSALE = process.env.NOSALE ? 1 : undefined;
await import("./_bench.ts");
