import { routeHandlers } from "@/tests/helpers/api";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { revokeSession } from "@/lib/auth/revocation";
import { issueToken, verifyTokenFull } from "@/lib/auth/tokens";
import { loginFailuresPerIp, MemoryStore, setDefaultStore } from "@/lib/ratelimit";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser } from "@/tests/helpers/tenants";
const { GET: listUsers } = routeHandlers("/api/client/users");

// Finding 9 (issue 10): the in-memory store held rate-limit counters AND sign-out
// revocations in one 50,000-key map, and swept the whole map for every new key
// once full: counter keys a client chooses (addresses, emails) could evict a
// revocation, bringing a signed-out cookie back, and cost a full sweep each.

afterAll(async () => {
  setDefaultStore();
  await destroyTenants();
});

describe("finding 9: the memory store", () => {
  it("a signed-out session stays refused however many client-chosen counter keys follow", async () => {
    setDefaultStore(new MemoryStore());
    const { tenant } = await makeTenant();
    const user = await makeUser(tenant, ["Owner"]);
    const session = await issueToken(user.principal, { use: "session" });
    const asCookie = { host: `${tenant.slug}.localhost:3000`, headers: { cookie: `bisman.session=${session.token}` } };
    const { jti, exp } = await verifyTokenFull(session.token, { use: "session" });
    await revokeSession(jti, exp);
    expect((await call(listUsers, "/api/client/users", asCookie)).status).toBe(401);
    // More distinct counter keys than the store holds: what rotating addresses and emails produce.
    const limiter = loginFailuresPerIp();
    for (let i = 0; i < 60_000; i++) await limiter.hit(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    expect((await call(listUsers, "/api/client/users", asCookie)).status).toBe(401);
  });

  it("stays bounded, and evicts one key per new key (least recently used), with no sweep over the map", async () => {
    const store = new MemoryStore(50_000);
    // Three times the capacity: with a sweep of the whole map per new key once full, this is 5·10⁹ steps and
    // never finishes within the test's time; with O(1) eviction it is a few hundred milliseconds.
    for (let i = 0; i < 150_000; i++) store.incr(`k${i}`, 60_000, 1);
    const counters = (store as unknown as { counters: { size: number; has(k: string): boolean } }).counters;
    expect(counters.size).toBe(50_000);
    expect(counters.has("k99999")).toBe(false);
    expect(counters.has("k100000")).toBe(true);
    expect(counters.has("k149999")).toBe(true);
  }, 30_000);

  it("revocations expire with their token, not before", async () => {
    const store = new MemoryStore(10);
    const key = `revoked-session:${randomUUID()}`;
    await store.mark(key, 60_000);
    for (let i = 0; i < 1_000; i++) await store.limiter("x", 5, 60_000).hit(`k${i}`);
    expect(await store.isMarked(key)).toBe(true);
  });
});
