// Cores of the ledger pages' server actions (see lib/api/action.ts); actions.ts exports the thin "use server" wrappers.
// Each delegates to the ledger service the API routes use (lib/modules/ledger), with the route's permission and input schema.
import { z } from "zod";
import { ZAccountId, ZCreateAccountRequest, ZUpdateAccountRequest } from "@/lib/modules/ledger/accounts.types";
import { createAccount } from "@/lib/modules/ledger/create-account";
import { createDefaultAccounts } from "@/lib/modules/ledger/create-default-accounts";
import { createEntry } from "@/lib/modules/ledger/create-entry";
import { deleteEntry } from "@/lib/modules/ledger/delete-entry";
import { ZCreateEntryRequest, ZEntryId, ZReverseEntryRequest, ZUpdateEntryRequest } from "@/lib/modules/ledger/entries.types";
import { postEntry } from "@/lib/modules/ledger/post-entry";
import { reverseEntry } from "@/lib/modules/ledger/reverse-entry";
import { updateAccount } from "@/lib/modules/ledger/update-account";
import { updateEntry } from "@/lib/modules/ledger/update-entry";
import { voidEntry } from "@/lib/modules/ledger/void-entry";
import { defineAction, gateOf } from "@/lib/api/action";

export const createEntryCore = defineAction({ ...gateOf("createEntry", "client-user"), input: ZCreateEntryRequest }, ({ ctx, input }) =>
  createEntry(ctx, input),
);

export const postEntryCore = defineAction({ ...gateOf("postEntry", "client-user"), input: ZEntryId }, ({ ctx, input }) => postEntry(ctx, input.id));

export const voidEntryCore = defineAction({ ...gateOf("voidEntry", "client-user"), input: ZEntryId }, ({ ctx, input }) => voidEntry(ctx, input.id));

/** The route's body (`PATCH /api/client/transactions/:id`) with the id beside it. */
export const updateEntryCore = defineAction(
  { ...gateOf("updateEntry", "client-user"), input: ZEntryId.extend(ZUpdateEntryRequest.shape) },
  ({ ctx, input: { id, ...edit } }) => updateEntry(ctx, id, edit),
);

/** Answers the deleted draft's id (the service returns nothing). */
export const deleteEntryCore = defineAction({ ...gateOf("deleteEntry", "client-user"), input: ZEntryId }, async ({ ctx, input }) => {
  await deleteEntry(ctx, input.id);
  return { id: input.id };
});

/** The route's body (`POST /api/client/transactions/:id/reverse`) with the id beside it; answers the new reversal entry. */
export const reverseEntryCore = defineAction(
  { ...gateOf("reverseEntry", "client-user"), input: ZEntryId.extend(ZReverseEntryRequest.shape) },
  ({ ctx, input: { id, ...reversal } }) => reverseEntry(ctx, id, reversal),
);

export const createAccountCore = defineAction({ ...gateOf("createAccount", "client-user"), input: ZCreateAccountRequest }, ({ ctx, input }) =>
  createAccount(ctx, input),
);

/** Takes no input (the form has no fields); anything sent is refused. Creates the chart only when there are no accounts. */
export const createDefaultAccountsCore = defineAction({ ...gateOf("createDefaultAccounts", "client-user"), input: z.object({}).strict() }, ({ ctx }) =>
  createDefaultAccounts(ctx),
);

/** The route's body (`PATCH /api/client/accounts/:id`) with the id beside it; the accounts page sends only `isActive`. */
export const updateAccountCore = defineAction(
  { ...gateOf("updateAccount", "client-user"), input: ZAccountId.extend(ZUpdateAccountRequest.shape) },
  ({ ctx, input: { id, ...change } }) => updateAccount(ctx, id, change),
);
