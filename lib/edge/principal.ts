// Who is making a request, after the token or session has been verified.
// Every authorization decision starts from one of these.

export type Principal =
  | { kind: "enterprise-admin"; id: string; email: string; name: string }
  | { kind: "super-admin"; id: string; email: string; name: string; modules: string[] }
  | { kind: "client-user"; id: string; email: string; name: string; tenantId: string; tenantSlug: string };

export type PrincipalKind = Principal["kind"];
export type ClientUserPrincipal = Extract<Principal, { kind: "client-user" }>;
