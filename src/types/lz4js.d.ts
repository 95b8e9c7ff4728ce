// Types for lz4js (it ships none): LZ4 frames, compressed and decompressed.
declare module "lz4js" {
  export function compress(source: Uint8Array, maxSize?: number): Uint8Array;
  export function decompress(source: Uint8Array, maxSize?: number): Uint8Array;
}
