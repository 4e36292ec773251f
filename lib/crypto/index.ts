import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { config } from "../config";

// Secrets at rest (tenant runtime URIs, stored idempotent answers): AES-256-GCM
// with a fresh 96-bit random nonce per encryption and caller-chosen associated
// data (the client id for a tenant URI), so a ciphertext copied onto another
// row fails to decrypt. Each ciphertext names the key that made it (a key id
// derived from the key), so MASTER_KEY can be rotated: the new key encrypts,
// MASTER_KEY_PREVIOUS keys still decrypt until everything is re-encrypted.
//
// Format: v1.<keyId>.<nonce>.<ciphertext>.<tag>  (base64url parts)

export class DecryptError extends Error {
  override name = "DecryptError";
  constructor(reason: string) {
    super(`cannot decrypt: ${reason}`);
  }
}

export interface Keyring {
  /** Key id of the key new ciphertexts use. */
  currentId: string;
  keys: Map<string, Buffer>;
}

export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update("bisman-key-id\0").update(key).digest("hex").slice(0, 12);
}

export function keyringFrom(current: string, previous: string[] = []): Keyring {
  const keys = new Map<string, Buffer>();
  const cur = Buffer.from(current, "base64");
  if (cur.length !== 32) throw new Error("master key must be 32 bytes");
  const currentId = keyIdOf(cur);
  keys.set(currentId, cur);
  for (const p of previous) {
    const k = Buffer.from(p.trim(), "base64");
    if (k.length !== 32) throw new Error("previous master key must be 32 bytes");
    if (!keys.has(keyIdOf(k))) keys.set(keyIdOf(k), k);
  }
  return { currentId, keys };
}

let cached: { source: string; ring: Keyring } | undefined;

/** The keyring from configuration (MASTER_KEY, MASTER_KEY_PREVIOUS). */
export function masterKeyring(): Keyring {
  const env = config();
  const source = `${env.MASTER_KEY}|${env.MASTER_KEY_PREVIOUS ?? ""}`;
  if (cached?.source !== source) {
    const previous = env.MASTER_KEY_PREVIOUS ? env.MASTER_KEY_PREVIOUS.split(",").filter(Boolean) : [];
    cached = { source, ring: keyringFrom(env.MASTER_KEY, previous) };
  }
  return cached.ring;
}

export interface Sealed {
  ciphertext: string;
  keyId: string;
}

export function encrypt(plaintext: string, associatedData: string, ring: Keyring = masterKeyring()): Sealed {
  const key = ring.keys.get(ring.currentId)!;
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  const ciphertext = ["v1", ring.currentId, nonce.toString("base64url"), body.toString("base64url"), tag.toString("base64url")].join(".");
  return { ciphertext, keyId: ring.currentId };
}

export function decrypt(ciphertext: string, associatedData: string, ring: Keyring = masterKeyring()): string {
  const parts = ciphertext.split(".");
  if (parts.length !== 5 || parts[0] !== "v1") throw new DecryptError("unknown format");
  const [, keyId, nonceB64, bodyB64, tagB64] = parts as [string, string, string, string, string];
  const key = ring.keys.get(keyId);
  if (!key) throw new DecryptError(`no key with id ${keyId} is configured`);
  const nonce = Buffer.from(nonceB64, "base64url");
  const tag = Buffer.from(tagB64, "base64url");
  if (nonce.length !== 12 || tag.length !== 16) throw new DecryptError("malformed ciphertext");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, nonce, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(bodyB64, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptError("authentication failed (wrong key, wrong associated data or tampered ciphertext)");
  }
}

/** True when the ciphertext was made with an older key and should be re-encrypted. */
export function needsReencrypt(ciphertext: string, ring: Keyring = masterKeyring()): boolean {
  return ciphertext.split(".")[1] !== ring.currentId;
}

/** Random secret for generated credentials (URL-safe, no quoting issues). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
