// POST /api/enterprise/auth/login: {email, password} → 200 {token, expiresAt} for an enterprise admin.
import { loginEnterpriseAdmin, ZLoginRequest } from "@/lib/auth/login";
import { issueToken } from "@/lib/auth/tokens";
import { route } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/request";

export const POST = route({ auth: "public", body: ZLoginRequest, rateLimit: false }, async ({ req, body }) =>
  issueToken(await loginEnterpriseAdmin(body, { ip: clientIp(req.headers) })),
);
