// Child process for the crash matrix: provisions one client and, right after
// the step named in argv[2] is recorded, reports "STEP <step> <clientId>" on
// stdout and hangs, so the parent can SIGKILL it mid-provisioning.
import { createClient } from "../../lib/provisioning";

const target = process.argv[2];
const slug = process.argv[3]!;

await createClient(
  { name: `Crash ${slug}`, slug, adminEmail: `owner@${slug}.test`, adminPassword: "correct horse battery staple" },
  { type: "system", id: null },
  {
    onStep: async (step, clientId) => {
      if (step !== target) return;
      process.stdout.write(`STEP ${step} ${clientId}\n`);
      await new Promise(() => undefined);
    },
  },
);
process.stdout.write("DONE\n");
process.exit(0);
