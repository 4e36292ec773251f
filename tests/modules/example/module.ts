import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { defineModule } from "@/lib/modules/types";

// A module that exists only in the test suite: one folder, declared once, and
// registered by the tests that use it (registerModule). It proves that a module
// gets its route, its OpenAPI entry, its row in the authorization matrix, its
// place in the catalogue and its navigation without touching any other file.

const ZGreetingQuery = z.object({ name: z.string().trim().min(1).max(40).optional() });
const ZGreeting = z.object({ greeting: z.string(), tenant: z.string() });

export const example = defineModule({
  key: "example",
  name: "Example",
  description: "Greets the signed-in user (test suite only).",
  permissions: {
    "example:greetings:read": "Read greetings",
  },
  navigation: [{ label: "Greetings", path: "/example", icon: "box", permission: "example:greetings:read", description: "A greeting for you." }],
  operations: [
    defineOperation(
      {
        method: "GET",
        path: "/api/client/example/greeting",
        operationId: "exampleGreeting",
        summary: "?name= → a greeting for the caller (example:greetings:read).",
        auth: "client-user",
        permission: "example:greetings:read",
        query: ZGreetingQuery,
        success: { status: 200, description: "{greeting, tenant}.", schema: ZGreeting },
      },
      async ({ ctx, query }) => ({ greeting: `Hello, ${query.name ?? ctx.principal.name}!`, tenant: ctx.tenant.slug }),
    ),
  ],
});
