/**
 * A word of ASCII as bytes, made without Node's Buffer: the byte scanners' constants are built
 * when the module loads, which happens in the task pane too (where Buffer does not exist and
 * only the generic scanner runs, see workbook.ts).
 */
export function latin1Bytes(word: string): Uint8Array {
  return Uint8Array.from(word, (c) => c.charCodeAt(0));
}

/**
 * The bytes as a Node Buffer (a view, not a copy) where Node's Buffer exists, for the byte
 * scanners' fast string slicing; null in a web view, where the generic scanner reads them.
 */
export function asNodeBuffer(bytes: Uint8Array): Buffer | null {
  if (typeof Buffer !== 'function') return null;
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
