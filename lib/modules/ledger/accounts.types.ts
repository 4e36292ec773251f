import { z } from "zod";
import { AccountType } from "../../generated/client/enums.ts";

export const ZAccountType = z.enum(AccountType);

export const ZCreateAccountRequest = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9.\-]{0,19}$/, "must be 1–20 letters, digits, dots or dashes"),
  name: z.string().trim().min(1).max(120),
  type: ZAccountType,
  parentId: z.uuid().optional(),
});
export type CreateAccountRequest = z.infer<typeof ZCreateAccountRequest>;

export interface AccountView {
  id: string;
  code: string;
  name: string;
  type: AccountType;
  parentId: string | null;
  isActive: boolean;
}

export const accountSelect = { id: true, code: true, name: true, type: true, parentId: true, isActive: true } as const;

export const ZAccountId = z.object({ id: z.uuid() });

/** Rename or (de)activate an account (an empty body changes nothing). Code and type stay: posted history refers to them. */
export const ZUpdateAccountRequest = z.object({ name: z.string().trim().min(1).max(120).optional(), isActive: z.boolean().optional() });
export type UpdateAccountRequest = z.infer<typeof ZUpdateAccountRequest>;
