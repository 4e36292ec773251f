import { z } from "zod";
import { ALL_PERMISSIONS } from "../modules";

export const ZPermission = z.enum(ALL_PERMISSIONS as [string, ...string[]], { message: "is not a known permission" });
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
