import { SignJWT, UnsecuredJWT, decodeProtectedHeader } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { AUDIENCES, createKeyRing, signToken, TOKEN_ISSUER, TokenError, verifyTokenWith, type KeyRing } from "@/lib/edge/jwt";
import type { Principal } from "@/lib/edge/principal";

// Token attacks against the verifier: each forged token must be refused.

const SECRET = "a".repeat(40);
const OTHER = "b".repeat(40);
const user: Principal = {
  kind: "client-user",
  id: "0b9c6f1e-3a5d-4f77-9d1e-1f2a3b4c5d6e",
  email: "u@acme.test",
  name: "U",
  tenantId: "6c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
  tenantSlug: "acme",
};
const admin: Principal = { kind: "enterprise-admin", id: "1b9c6f1e-3a5d-4f77-9d1e-1f2a3b4c5d6e", email: "a@x.test", name: "A" };

let ring: KeyRing;
let other: KeyRing;
beforeAll(async () => {
  ring = await createKeyRing([SECRET]);
  other = await createKeyRing([OTHER]);
});

function parts(token: string) {
  const [h, p, s] = token.split(".");
  return { h: h!, p: p!, s: s! };
}
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
const payloadOf = (t: string) => JSON.parse(Buffer.from(parts(t).p, "base64url").toString());

describe("tokens", () => {
  it("round-trips each principal kind, with its audience and kid", async () => {
    for (const p of [user, admin, { kind: "super-admin", id: admin.id, email: "s@x.test", name: "S", modules: ["core"] } as Principal]) {
      const { token } = await signToken(ring, p, { use: "access", ttlSeconds: 60 });
      expect(await verifyTokenWith(ring, token, "access")).toEqual(p);
      expect(payloadOf(token).aud).toBe(AUDIENCES[p.kind]);
      expect(decodeProtectedHeader(token).kid).toBe(ring.current.kid);
    }
    const { token } = await signToken(ring, user, { use: "access", ttlSeconds: 60 });
    expect(payloadOf(token)).toMatchObject({ tenant_id: user.kind === "client-user" && user.tenantId, tenant_slug: "acme", iss: TOKEN_ISSUER });
  });

  it("refuses alg none", async () => {
    const { token } = await signToken(ring, user, { use: "access", ttlSeconds: 60 });
    const none = new UnsecuredJWT(payloadOf(token)).encode();
    await expect(verifyTokenWith(ring, none, "access")).rejects.toBeInstanceOf(TokenError);
    const { p } = parts(token);
    const headerNone = `${b64({ alg: "none", kid: ring.current.kid, typ: "at+jwt" })}.${p}.`;
    await expect(verifyTokenWith(ring, headerNone, "access")).rejects.toBeInstanceOf(TokenError);
  });

  it("refuses a token signed with another key, even under our kid", async () => {
    const { token } = await signToken(other, user, { use: "access", ttlSeconds: 60 });
    await expect(verifyTokenWith(ring, token, "access")).rejects.toBeInstanceOf(TokenError);
    const key = new TextEncoder().encode(OTHER);
    const forged = await new SignJWT(payloadOf(token)).setProtectedHeader({ alg: "HS256", kid: ring.current.kid, typ: "at+jwt" }).sign(key);
    await expect(verifyTokenWith(ring, forged, "access")).rejects.toBeInstanceOf(TokenError);
  });

  it("refuses edited claims (another tenant, another kind)", async () => {
    const { token } = await signToken(ring, user, { use: "access", ttlSeconds: 60 });
    const { h, s } = parts(token);
    for (const edit of [
      { tenant_id: "7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5" },
      { tenant_slug: "beta" },
      { aud: AUDIENCES["enterprise-admin"] },
      { exp: 9_999_999_999 },
    ]) {
      const forged = `${h}.${b64({ ...payloadOf(token), ...edit })}.${s}`;
      await expect(verifyTokenWith(ring, forged, "access")).rejects.toBeInstanceOf(TokenError);
    }
  });

  it("refuses an expired token", async () => {
    const { token } = await signToken(ring, user, { use: "access", ttlSeconds: 60, now: Date.now() - 3_600_000 });
    await expect(verifyTokenWith(ring, token, "access")).rejects.toBeInstanceOf(TokenError);
  });

  it("refuses a wrong audience and a token of the wrong use", async () => {
    const { token } = await signToken(ring, user, { use: "access", ttlSeconds: 60 });
    await expect(verifyTokenWith(ring, token, "access", { kinds: ["enterprise-admin"] })).rejects.toBeInstanceOf(TokenError);
    await expect(verifyTokenWith(ring, token, "session")).rejects.toBeInstanceOf(TokenError);
    const raw = await createRaw(ring, { ...payloadOf(token), aud: "bisman:something-else" });
    await expect(verifyTokenWith(ring, raw, "access")).rejects.toBeInstanceOf(TokenError);
  });

  it("refuses an unknown kid and accepts a previous secret's kid during rotation", async () => {
    const { token } = await signToken(other, user, { use: "access", ttlSeconds: 60 });
    await expect(verifyTokenWith(ring, token, "access")).rejects.toThrow(/unknown key id/);
    const rotated = await createKeyRing([SECRET, OTHER]);
    expect(await verifyTokenWith(rotated, token, "access")).toEqual(user);
    const fresh = await signToken(rotated, user, { use: "access", ttlSeconds: 60 });
    expect(decodeProtectedHeader(fresh.token).kid).toBe(ring.current.kid);
  });

  it("refuses a client token without tenant claims", async () => {
    const { token } = await signToken(ring, user, { use: "access", ttlSeconds: 60 });
    const { tenant_id: _drop, ...rest } = payloadOf(token);
    const raw = await createRaw(ring, rest);
    await expect(verifyTokenWith(ring, raw, "access")).rejects.toThrow(/malformed claims/);
    // and proves the helper signs valid tokens:
    expect(await verifyTokenWith(ring, await createRaw(ring, payloadOf(token)), "access")).toEqual(user);
  });
});

/** Signs arbitrary claims with the ring's real key, to test claim validation apart from signatures. */
async function createRaw(r: KeyRing, payload: Record<string, unknown>): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: "HS256", kid: r.current.kid, typ: "at+jwt" }).sign(r.current.key);
}
