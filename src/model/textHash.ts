// The 32-bit FNV-1a hash of a text's UTF-16 code units, as an unsigned integer. Internal (hash tables of ids).
export function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  return hash >>> 0;
}
