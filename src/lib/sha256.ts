// SHA-256 over bytes. WeChat's file API only offers md5/sha1 and the server dedups
// photos by sha256, so both platforms hash in JS with the audited @noble/hashes.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export function sha256Hex(input: ArrayBuffer | Uint8Array): string {
  return bytesToHex(sha256(input instanceof Uint8Array ? input : new Uint8Array(input)));
}

/** Uses WebCrypto when the page has it (h5 over https/localhost), the JS version otherwise. */
export async function sha256Of(bytes: ArrayBuffer): Promise<string> {
  const subtle = typeof crypto !== 'undefined' ? crypto.subtle : undefined;
  if (subtle) {
    try {
      return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', bytes)));
    } catch {
      // fall through to the JS version
    }
  }
  return sha256Hex(bytes);
}
