// Types for lz4js (it ships none): LZ4 frames, compressed and decompressed.
declare module "lz4js" {
  export function compress(source: Uint8Array, maxSize?: number): Uint8Array;
  export function decompress(source: Uint8Array, maxSize?: number): Uint8Array;
  /** The largest size the frame can decode to (its stated size, else its blocks' maximum). */
  export function decompressBound(source: Uint8Array): number;
  /** Decodes the frame into `into` (at least decompressBound long); returns the bytes written. */
  export function decompressFrame(source: Uint8Array, into: Uint8Array): number;
}
