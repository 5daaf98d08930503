import { randomBytes } from "node:crypto";
import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { growableArray, grownArray } from "../model/growableArray.js";

/** Bytes gathered before they are written to the file. */
const WRITE_BUFFER_BYTES = 1 << 20;

/**
 * Texts written once, in order, to a temporary file and read back by index: the process keeps 8 bytes a text (where
 * it ends in the file) instead of the text. A million customer records as JSON texts take about 330 MB of heap;
 * spilled, 8 MB, and reading one back costs a read of its bytes (the system's file cache keeps them). The file is
 * made with mode 600 in the system's temporary folder (TMPDIR) and unlinked at once, so nothing is left behind
 * however the process ends; it goes when {@link SpilledTexts.close} closes it. Internal to the command line.
 *
 * @example
 * ```ts
 * const texts = SpilledTexts.open();
 * texts?.push('["C1","Acme"]');
 * texts?.at(0); // => '["C1","Acme"]'
 * texts?.close();
 * ```
 */
export class SpilledTexts {
  private readonly fd: number;
  /** Each text's end in the file (its start is the previous one's end). */
  private ends = growableArray(Float64Array, 1024);
  private count = 0;
  /** Bytes in the file, and bytes waiting in `pending` after them. */
  private written = 0;
  private pending = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  private waiting = 0;
  private readBuffer = Buffer.allocUnsafe(4096);

  private constructor(fd: number) {
    this.fd = fd;
  }

  /**
   * A new, empty file of texts in `directory`; `undefined` when no file can be made there (a read-only or missing
   * folder), for the caller to keep its texts in memory instead.
   */
  static open(directory: string = tmpdir()): SpilledTexts | undefined {
    const path = join(directory, `keyaccount-${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
    let fd: number;
    try {
      fd = openSync(path, "wx+", 0o600);
    } catch {
      return undefined;
    }
    try {
      unlinkSync(path);
    } catch {
      // The file stays open and usable; it is only not removed before it is closed.
      process.once("exit", () => unlinkSync(path));
    }
    return new SpilledTexts(fd);
  }

  /** How many texts were pushed. */
  get length(): number {
    return this.count;
  }

  /** Adds `text` as the next text. */
  push(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (this.waiting + bytes > this.pending.length) this.flush();
    if (bytes > this.pending.length) {
      this.writeAll(Buffer.from(text, "utf8"), bytes);
    } else {
      this.pending.write(text, this.waiting, "utf8");
      this.waiting += bytes;
    }
    if (this.count === this.ends.length) this.ends = grownArray(this.ends, this.count * 2);
    this.ends[this.count] = this.written + this.waiting;
    this.count++;
  }

  /** Text `index` (0 ≤ index < length). */
  at(index: number): string {
    if (!Number.isInteger(index) || index < 0 || index >= this.count)
      throw new RangeError(`${index} is outside the ${this.count} texts`);
    const start = index === 0 ? 0 : (this.ends[index - 1] as number);
    const bytes = (this.ends[index] as number) - start;
    if (start + bytes > this.written) this.flush();
    if (bytes > this.readBuffer.length) this.readBuffer = Buffer.allocUnsafe(bytes);
    for (let read = 0; read < bytes; ) {
      const got = readSync(this.fd, this.readBuffer, read, bytes - read, start + read);
      if (got === 0) throw new Error(`The temporary file of texts ended before text ${index}`);
      read += got;
    }
    return this.readBuffer.toString("utf8", 0, bytes);
  }

  /** Closes the file, which the system then removes; the texts cannot be read afterwards. */
  close(): void {
    closeSync(this.fd);
    this.pending = Buffer.alloc(0);
  }

  private flush(): void {
    this.writeAll(this.pending, this.waiting);
    this.waiting = 0;
  }

  // Writes `bytes` bytes of `buffer` at the end of the file.
  private writeAll(buffer: Buffer, bytes: number): void {
    for (let done = 0; done < bytes; )
      done += writeSync(this.fd, buffer, done, bytes - done, this.written + done);
    this.written += bytes;
  }
}
