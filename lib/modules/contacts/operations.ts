import { created, defineOperation, type Operation } from "../../http/operation";
import { createContact } from "./create-contact";
import { getContact } from "./get-contact";
import { listContacts } from "./list-contacts";
import { updateContact } from "./update-contact";
import { exportContacts } from "./export-contacts";
import { ZContactId, ZCreateContactRequest, ZListContactsQuery, ZUpdateContactRequest } from "./contacts.types";

// Contacts: /api/client/contacts (docs/receivables-payables.md).

const CONTACT =
  "{id, name, email, phone, taxId, billingAddress, isCustomer, isVendor, paymentTermsDays, incomeAccountId, expenseAccountId, isActive, createdAt, updatedAt}";
const NO_CONTACT = "no such contact in this tenant";
const ACCOUNTS_422 = "a default account is unknown, inactive or of the wrong type (income: REVENUE, expense: EXPENSE)";

export const CONTACT_OPERATIONS: readonly Operation[] = [
  defineOperation(
    {
      method: "GET",
      path: "/api/client/contacts",
      operationId: "listContacts",
      summary: "?q&role=customer|vendor&active=true|false|all&cursor&limit: contacts by name (contacts:contacts:read).",
      auth: "client-user",
      permission: "contacts:contacts:read",
      query: ZListContactsQuery,
      success: { status: 200, description: `{contacts: [${CONTACT}], nextCursor}: pass nextCursor back as cursor (null on the last page).` },
    },
    async ({ ctx, query }) => listContacts(ctx, query),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/contacts",
      operationId: "createContact",
      summary:
        "{name, isCustomer?, isVendor?, email?, phone?, taxId?, billingAddress?, paymentTermsDays?, incomeAccountId?, expenseAccountId?} → 201 the contact (contacts:contacts:write).",
      auth: "client-user",
      permission: "contacts:contacts:write",
      body: ZCreateContactRequest,
      examples: {
        minimal: { name: "Acme Ltd", isCustomer: true },
        full: {
          name: "Acme Ltd",
          isCustomer: true,
          isVendor: true,
          email: "ap@acme.example",
          phone: "+44 20 7946 0000",
          taxId: "GB123456789",
          billingAddress: "1 High Street\nLondon",
          paymentTermsDays: 30,
        },
      },
      success: { status: 201, description: `The new contact: ${CONTACT}.` },
      problems: { 422: `neither customer nor vendor; ${ACCOUNTS_422}` },
    },
    async ({ ctx, body }) => created(await createContact(ctx, body)),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/contacts/{id}",
      operationId: "getContact",
      summary: "one contact (contacts:contacts:read). Another tenant's id → 404.",
      auth: "client-user",
      permission: "contacts:contacts:read",
      params: ZContactId,
      success: { status: 200, description: `${CONTACT}.` },
      problems: { 404: NO_CONTACT },
    },
    async ({ ctx, params }) => getContact(ctx, params.id),
  ),
  defineOperation(
    {
      method: "PATCH",
      path: "/api/client/contacts/{id}",
      operationId: "updateContact",
      summary: "changes the fields sent (null clears an optional one; isActive: false deactivates) (contacts:contacts:write). Another tenant's id → 404.",
      auth: "client-user",
      permission: "contacts:contacts:write",
      params: ZContactId,
      body: ZUpdateContactRequest,
      examples: { deactivate: { isActive: false }, terms: { paymentTermsDays: 14, email: null } },
      success: { status: 200, description: `The contact after the change: ${CONTACT}.` },
      problems: { 404: NO_CONTACT, 422: `the contact would be neither customer nor vendor; ${ACCOUNTS_422}` },
    },
    async ({ ctx, params, body }) => updateContact(ctx, params.id, body),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/contacts/export",
      operationId: "exportContacts",
      summary:
        "?q&role&active: the matching contacts as CSV (name, email, phone, taxId, billingAddress, isCustomer, isVendor, paymentTermsDays, isActive), by name (contacts:contacts:read).",
      auth: "client-user",
      permission: "contacts:contacts:read",
      query: ZListContactsQuery.omit({ cursor: true, limit: true }),
      success: { status: 200, description: "text/csv (RFC 4180, CRLF, a header row); formula-like fields start with an apostrophe.", contentType: "text/csv" },
    },
    async ({ ctx, query }) =>
      new Response(await exportContacts(ctx, query), {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="contacts.csv"' },
      }),
  ),
];
