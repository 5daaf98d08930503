// Typed arrays that grow in place. A column of ten million lines grown by copying leaves each smaller copy behind
// as garbage that V8 collects late (a full collection is not triggered by buffers outside its heap): a million-
// account file left about 2 GB of old copies in memory. Where the engine has resizable ArrayBuffers (ES2024, Node
// 20), a column is a length-tracking view of one, reserved up to 4 GiB and resized in place; elsewhere, or beyond
// that size, it is copied as before. Internal.

/** The typed arrays that grow. */
export type GrowableArray = Int32Array | Uint16Array | Uint8Array | Float64Array;

type GrowableConstructor<T extends GrowableArray> = {
  new (length: number): T;
  new (buffer: ArrayBuffer): T;
  readonly BYTES_PER_ELEMENT: number;
};

/** The largest buffer reserved for one array. */
const MAXIMUM_BYTES = 2 ** 32;

interface ResizableBuffer extends ArrayBuffer {
  readonly resizable: boolean;
  readonly maxByteLength: number;
  resize(byteLength: number): void;
}

const RESIZABLE = typeof (ArrayBuffer.prototype as Partial<ResizableBuffer>).resize === "function";

/**
 * A zero-filled array of `length` entries that {@link grownArray} can lengthen in place.
 *
 * @example
 * ```ts
 * const days = growableArray(Int32Array, 1024);
 * ```
 */
export function growableArray<T extends GrowableArray>(Type: GrowableConstructor<T>, length: number): T {
  const bytes = length * Type.BYTES_PER_ELEMENT;
  if (!RESIZABLE || bytes > MAXIMUM_BYTES) return new Type(length);
  const Buffer = ArrayBuffer as unknown as new (
    byteLength: number,
    options: { maxByteLength: number },
  ) => ArrayBuffer;
  return new Type(new Buffer(bytes, { maxByteLength: MAXIMUM_BYTES }));
}

/**
 * `array` with room for `length` entries, its entries kept and the new ones 0: the same array resized in place
 * when it can be, else a growable copy.
 *
 * @example
 * ```ts
 * days = grownArray(days, 4096);
 * ```
 */
export function grownArray<T extends GrowableArray>(array: T, length: number): T {
  const Type = array.constructor as GrowableConstructor<T>;
  const bytes = length * Type.BYTES_PER_ELEMENT;
  const buffer = array.buffer as ResizableBuffer;
  if (buffer.resizable === true && bytes <= buffer.maxByteLength) {
    buffer.resize(bytes);
    return array;
  }
  const next = growableArray(Type, length);
  next.set(array);
  return next;
}

/**
 * Gives `array`'s memory back now where it grows in place: its buffer is resized to nothing, and the array reads
 * as empty afterwards. Such a buffer is otherwise freed only when the collector gets to the array, and the
 * collector does not count its size when deciding when to. Elsewhere the array is left to the collector.
 *
 * @example
 * ```ts
 * releaseArray(days); // days.length === 0 where it grew in place
 * ```
 */
export function releaseArray(array: GrowableArray): void {
  const buffer = array.buffer as ResizableBuffer;
  if (buffer.resizable === true) buffer.resize(0);
}
