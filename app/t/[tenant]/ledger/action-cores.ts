// Cores of the ledger pages' server actions (see lib/http/action.ts); actions.ts exports the thin "use server" wrappers.
// Each delegates to the ledger service the API routes use (lib/erp/ledger), with the route's permission and input schema.
import { z } from "zod";
import { ZCreateAccountRequest } from "@/lib/erp/ledger/accounts.types";
import { createAccount } from "@/lib/erp/ledger/create-account";
import { createDefaultAccounts } from "@/lib/erp/ledger/create-default-accounts";
import { createEntry } from "@/lib/erp/ledger/create-entry";
import { ZCreateEntryRequest, ZEntryId } from "@/lib/erp/ledger/entries.types";
import { postEntry } from "@/lib/erp/ledger/post-entry";
import { voidEntry } from "@/lib/erp/ledger/void-entry";
import { defineAction } from "@/lib/http/action";

export const createEntryCore = defineAction({ auth: "client-user", permission: "ledger:transactions:write", input: ZCreateEntryRequest }, ({ ctx, input }) => createEntry(ctx!, input));

export const postEntryCore = defineAction({ auth: "client-user", permission: "ledger:transactions:write", input: ZEntryId }, ({ ctx, input }) => postEntry(ctx!, input.id));

export const voidEntryCore = defineAction({ auth: "client-user", permission: "ledger:transactions:write", input: ZEntryId }, ({ ctx, input }) => voidEntry(ctx!, input.id));

export const createAccountCore = defineAction({ auth: "client-user", permission: "ledger:accounts:write", input: ZCreateAccountRequest }, ({ ctx, input }) => createAccount(ctx!, input));

/** Takes no input (the form has no fields); anything sent is refused. Creates the chart only when there are no accounts. */
export const createDefaultAccountsCore = defineAction({ auth: "client-user", permission: "ledger:accounts:write", input: z.object({}).strict() }, ({ ctx }) => createDefaultAccounts(ctx!));
