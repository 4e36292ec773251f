import { z } from "zod";

// Contacts: customers and vendors (one contact can be both).

const optionalText = (max: number) => z.string().trim().max(max);

const fields = {
  name: z.string().trim().min(1).max(200),
  email: z.email().trim().max(254),
  phone: optionalText(50),
  taxId: optionalText(50),
  billingAddress: optionalText(1000),
  isCustomer: z.boolean(),
  isVendor: z.boolean(),
  /** Days from a document's date to its due date: 30 is "net 30", 0 "due on receipt". */
  paymentTermsDays: z.number().int().min(0).max(365),
  /** Default REVENUE account of the contact's invoice lines. */
  incomeAccountId: z.uuid(),
  /** Default EXPENSE account of the contact's bill lines. */
  expenseAccountId: z.uuid(),
  isActive: z.boolean(),
};

const eitherRole = (c: { isCustomer?: boolean; isVendor?: boolean }) => c.isCustomer !== false || c.isVendor !== false;
const ROLE_MESSAGE = { message: "a contact is a customer, a vendor, or both", path: ["isCustomer"] };

export const ZCreateContactRequest = z
  .object({
    name: fields.name,
    email: fields.email.optional(),
    phone: fields.phone.optional(),
    taxId: fields.taxId.optional(),
    billingAddress: fields.billingAddress.optional(),
    isCustomer: fields.isCustomer.default(false),
    isVendor: fields.isVendor.default(false),
    paymentTermsDays: fields.paymentTermsDays.default(30),
    incomeAccountId: fields.incomeAccountId.optional(),
    expenseAccountId: fields.expenseAccountId.optional(),
  })

  .refine((c) => c.isCustomer || c.isVendor, ROLE_MESSAGE);
export type CreateContactRequest = z.infer<typeof ZCreateContactRequest>;

/** Only the fields sent change; `null` clears an optional field. */
export const ZUpdateContactRequest = z
  .object({
    name: fields.name.optional(),
    email: fields.email.nullable().optional(),
    phone: fields.phone.nullable().optional(),
    taxId: fields.taxId.nullable().optional(),
    billingAddress: fields.billingAddress.nullable().optional(),
    isCustomer: fields.isCustomer.optional(),
    isVendor: fields.isVendor.optional(),
    paymentTermsDays: fields.paymentTermsDays.optional(),
    incomeAccountId: fields.incomeAccountId.nullable().optional(),
    expenseAccountId: fields.expenseAccountId.nullable().optional(),
    isActive: fields.isActive.optional(),
  })

  .refine(eitherRole, ROLE_MESSAGE);
export type UpdateContactRequest = z.infer<typeof ZUpdateContactRequest>;

export const ZContactId = z.object({ id: z.uuid() });

export const ZListContactsQuery = z.object({
  /** Matches name, email or tax id (case-insensitive, anywhere in them). */
  q: z.string().trim().max(100).optional(),
  role: z.enum(["customer", "vendor"]).optional(),
  /** Default: active contacts only. */
  active: z.enum(["true", "false", "all"]).default("true"),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListContactsQuery = z.infer<typeof ZListContactsQuery>;

export interface ContactView {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  taxId: string | null;
  billingAddress: string | null;
  isCustomer: boolean;
  isVendor: boolean;
  paymentTermsDays: number;
  incomeAccountId: string | null;
  expenseAccountId: string | null;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}
