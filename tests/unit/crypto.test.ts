import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decrypt, DecryptError, encrypt, keyringFrom, needsReencrypt } from "@/lib/crypto";
import { GENERATED_SECRET_SCRAM_ITERATIONS, generatedSecretVerifier, scramSha256Verifier } from "@/lib/crypto/scram";

const key = () => randomBytes(32).toString("base64");

describe("AES-256-GCM sealing", () => {
  it("round-trips any text, with a fresh nonce every time", () => {
    const ring = keyringFrom(key());
    fc.assert(
      fc.property(fc.string(), fc.uuid(), (text, aad) => {
        const a = encrypt(text, aad, ring);
        const b = encrypt(text, aad, ring);
        expect(a.ciphertext).not.toBe(b.ciphertext);
        expect(decrypt(a.ciphertext, aad, ring)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it("binds the associated data: a ciphertext moved to another client id fails", () => {
    const ring = keyringFrom(key());
    const { ciphertext } = encrypt("postgresql://r:p@h/db", "client-a", ring);
    expect(() => decrypt(ciphertext, "client-b", ring)).toThrow(DecryptError);
  });

  it("detects tampering and unknown formats", () => {
    const ring = keyringFrom(key());
    const { ciphertext } = encrypt("secret", "id", ring);
    const parts = ciphertext.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => decrypt(parts.join("."), "id", ring)).toThrow(DecryptError);
    expect(() => decrypt("not-a-ciphertext", "id", ring)).toThrow(DecryptError);
  });

  it("rotates: the new key encrypts, previous keys still decrypt, unknown keys do not", () => {
    const oldKey = key();
    const newKey = key();
    const before = keyringFrom(oldKey);
    const sealed = encrypt("uri", "id", before);
    const during = keyringFrom(newKey, [oldKey]);
    expect(decrypt(sealed.ciphertext, "id", during)).toBe("uri");
    expect(needsReencrypt(sealed.ciphertext, during)).toBe(true);
    const fresh = encrypt("uri", "id", during);
    expect(fresh.keyId).not.toBe(sealed.keyId);
    expect(needsReencrypt(fresh.ciphertext, during)).toBe(false);
    expect(() => decrypt(sealed.ciphertext, "id", keyringFrom(newKey))).toThrow(/no key with id/);
  });
});

describe("SCRAM-SHA-256 verifier", () => {
  it("has PostgreSQL's format and never contains the password", () => {
    const v = scramSha256Verifier("hunter2-and-more");
    expect(v).toMatch(/^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(v).not.toContain("hunter2");
    expect(scramSha256Verifier("x")).not.toBe(scramSha256Verifier("x")); // salted
  });
});

describe("verifiers of generated secrets", () => {
  it("use few iterations, and only for secrets of at least 256 bits", () => {
    const secret = randomBytes(32).toString("base64url");
    expect(generatedSecretVerifier(secret)).toMatch(new RegExp(`^SCRAM-SHA-256\\$${GENERATED_SECRET_SCRAM_ITERATIONS}:`));
    expect(() => generatedSecretVerifier("correct horse battery staple")).toThrow(/256 bits/);
  });
});
