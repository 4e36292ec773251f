import { serve } from "@/lib/api/router";

// dispatch(req): answers a Request the way the app's API does, in-process,
// through the one router behind app/api/[...path]/route.ts. Tests that only
// need "send this request to the API" (the fuzz test) depend on this alone.

export function dispatch(req: Request): Promise<Response> {
  return serve(req);
}
