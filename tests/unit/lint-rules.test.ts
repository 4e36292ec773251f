import { ESLint } from "eslint";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";

// `npm run lint` holds the layers of lib/ (docs/modules.md) and the formatting.
// These feed it code that breaks each rule, through the project's own config,
// and expect a refusal; and the same file without the break, and expect none.

const eslint = new ESLint();

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "boundaries/dependencies").map((m) => m.message);
}

// The first lint loads the config and the TypeScript resolver: seconds on a busy machine.
describe("layer boundaries", { timeout: 60_000 }, () => {
  it("refuse a relative import from lib/edge into Node-only code", async () => {
    const errors = await boundaryErrors("lib/edge/probe.ts", 'import { getTenant } from "../tenancy/registry";\nexport const probe = getTenant;\n');
    expect(errors).toEqual([expect.stringMatching(/"edge" to elements of type "platform"/)]);
  });

  it("refuse the same import through the @/ alias", async () => {
    const errors = await boundaryErrors("lib/edge/probe.ts", 'import { getTenant } from "@/lib/tenancy/registry";\nexport const probe = getTenant;\n');
    expect(errors).toHaveLength(1);
  });

  it("refuse a module reaching up into the control plane, and a platform file into a module", async () => {
    expect(
      await boundaryErrors("lib/modules/ledger/probe.ts", 'import { createClient } from "../../provisioning";\nexport const probe = createClient;\n'),
    ).toHaveLength(1);
    expect(
      await boundaryErrors("lib/tenancy/probe.ts", 'import { listUsers } from "../modules/core/users/list-users";\nexport const probe = listUsers;\n'),
    ).toHaveLength(1);
  });

  it("allow what the layers allow", async () => {
    expect(
      await boundaryErrors("lib/modules/ledger/probe.ts", 'import { withTenantDb } from "../../tenancy/connections";\nexport const probe = withTenantDb;\n'),
    ).toEqual([]);
    expect(await boundaryErrors("lib/api/probe.ts", 'import { createClient } from "../provisioning";\nexport const probe = createClient;\n')).toEqual([]);
  });
});

describe("formatting", { timeout: 60_000 }, () => {
  const options = async (filepath: string) => ({ ...(await prettier.resolveConfig(filepath)), filepath });

  it("refuses a long unformatted line, accepts it formatted", async () => {
    const args = Array.from({ length: 30 }, (_, i) => `argument${i}`).join(", ");
    const long = `export const call = someFunction(${args});\n`;
    expect(long.length).toBeGreaterThan(160);
    const opts = await options("lib/probe.ts");
    expect(await prettier.check(long, opts)).toBe(false);
    expect(await prettier.check(await prettier.format(long, opts), opts)).toBe(true);
  });
});
