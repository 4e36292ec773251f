import { z } from "zod";
import { allPermissions } from "../../registry";

// Checked when a request is parsed (not when this file loads): the catalogue includes every registered module.

export const ZPermission = z
  .string()
  .refine((p) => allPermissions().includes(p), { message: "is not a known permission" })
  .meta({ description: "A permission key `<module>:<resource>:<action>` (GET /api/enterprise/modules lists them)." });
export const ZRoleId = z.object({ id: z.uuid() });

export const ZCreateRoleRequest = z.object({
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).optional(),
  permissions: z.array(ZPermission).max(200).optional(),
});
export type CreateRoleRequest = z.infer<typeof ZCreateRoleRequest>;

/** Replaces the role's permissions with this set. */
export const ZSetRolePermissionsRequest = z.object({ permissions: z.array(ZPermission).max(200) });
export type SetRolePermissionsRequest = z.infer<typeof ZSetRolePermissionsRequest>;

export interface RoleView {
  id: string;
  name: string;
  description: string;
  isSystem: boolean;
  permissions: string[];
}
