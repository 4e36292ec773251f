import { z } from "zod";
import { ProductKind } from "../../generated/client/enums.ts";
import { ZMoney } from "../ledger/money";

/** A percentage as a string, 0–100 with at most 4 decimals ("20", "5.5"). */
export const ZPercent = z
  .string({ message: 'send percentages as strings, e.g. "20"' })
  .trim()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, 'must be a percentage with at most 4 decimals, e.g. "20"')
  .refine((s) => Number(s) <= 100, "must be at most 100");

export const ZTaxId = z.object({ id: z.uuid() });

export const ZCreateTaxRequest = z.object({
  name: z.string().trim().min(1).max(60),
  rate: ZPercent,
  /** Prices on lines with this tax include it. */
  isInclusive: z.boolean().default(false),
  /** Where collected and recoverable tax is recorded: an active LIABILITY or ASSET account. */
  accountId: z.uuid(),
});
export type CreateTaxRequest = z.infer<typeof ZCreateTaxRequest>;

/** Rename or (de)activate a tax. Rate, inclusiveness and account stay: issued documents refer to them (make a new tax instead). */
export const ZUpdateTaxRequest = z.object({ name: z.string().trim().min(1).max(60).optional(), isActive: z.boolean().optional() });
export type UpdateTaxRequest = z.infer<typeof ZUpdateTaxRequest>;

export interface TaxView {
  id: string;
  name: string;
  rate: string;
  isInclusive: boolean;
  accountId: string;
  isActive: boolean;
}

export const ZProductId = z.object({ id: z.uuid() });

const productFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._\-]{0,39}$/, "must be 1–40 letters, digits, dots, dashes or underscores"),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(ProductKind),
  unit: z.string().trim().min(1).max(20),
  unitPrice: ZMoney,
  incomeAccountId: z.uuid(),
  expenseAccountId: z.uuid(),
  taxId: z.uuid(),
};

export const ZCreateProductRequest = z.object({
  code: productFields.code,
  name: productFields.name,
  kind: productFields.kind.default("SERVICE"),
  unit: productFields.unit.default("pcs"),
  unitPrice: productFields.unitPrice.default("0"),
  incomeAccountId: productFields.incomeAccountId.optional(),
  expenseAccountId: productFields.expenseAccountId.optional(),
  taxId: productFields.taxId.optional(),
});
export type CreateProductRequest = z.infer<typeof ZCreateProductRequest>;

/** Only the fields sent change; `null` clears an optional link. The code stays (documents show it). */
export const ZUpdateProductRequest = z.object({
  name: productFields.name.optional(),
  kind: productFields.kind.optional(),
  unit: productFields.unit.optional(),
  unitPrice: productFields.unitPrice.optional(),
  incomeAccountId: productFields.incomeAccountId.nullable().optional(),
  expenseAccountId: productFields.expenseAccountId.nullable().optional(),
  taxId: productFields.taxId.nullable().optional(),
  isActive: z.boolean().optional(),
});
export type UpdateProductRequest = z.infer<typeof ZUpdateProductRequest>;

export const ZListProductsQuery = z.object({
  /** Matches code or name (case-insensitive, anywhere). */
  q: z.string().trim().max(100).optional(),
  active: z.enum(["true", "false", "all"]).default("true"),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListProductsQuery = z.infer<typeof ZListProductsQuery>;

export interface ProductView {
  id: string;
  code: string;
  name: string;
  kind: ProductKind;
  unit: string;
  unitPrice: string;
  incomeAccountId: string | null;
  expenseAccountId: string | null;
  taxId: string | null;
  isActive: boolean;
}
