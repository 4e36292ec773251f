// POST /api/super-admin/auth/login: {email, password} → 200 {token, expiresAt} for a super admin (the token carries their modules).
import { loginSuperAdmin, ZLoginRequest } from "@/lib/auth/login";
import { issueToken } from "@/lib/auth/tokens";
import { route } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/request";

export const POST = route({ auth: "public", body: ZLoginRequest, rateLimit: false }, async ({ req, body }) =>
  issueToken(await loginSuperAdmin(body, { ip: clientIp(req.headers) })),
);
