// Cores of the contact pages' server actions (lib/api/action.ts); actions.ts exports the thin "use server" wrappers.
// Each delegates to the contacts service the API routes use, with the route's permission and input schema.
import { defineAction } from "@/lib/api/action";
import { ZContactId, ZCreateContactRequest, ZUpdateContactRequest } from "@/lib/modules/contacts/contacts.types";
import { createContact } from "@/lib/modules/contacts/create-contact";
import { updateContact } from "@/lib/modules/contacts/update-contact";

export const createContactCore = defineAction({ auth: "client-user", permission: "contacts:contacts:write", input: ZCreateContactRequest }, ({ ctx, input }) =>
  createContact(ctx, input),
);

/** The route's body (`PATCH /api/client/contacts/:id`) with the id beside it. */
export const updateContactCore = defineAction(
  { auth: "client-user", permission: "contacts:contacts:write", input: ZContactId.extend(ZUpdateContactRequest.shape) },
  ({ ctx, input: { id, ...change } }) => updateContact(ctx, id, change),
);
