import { z } from "zod";

export const ZUserId = z.object({ id: z.uuid() });

export const ZCreateUserRequest = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  name: z.string().trim().min(1).max(120),
  password: z.string().min(12, "must be at least 12 characters").max(1024),
  /** Role ids. */
  roles: z.array(z.uuid()).max(50).optional(),
});
export type CreateUserRequest = z.infer<typeof ZCreateUserRequest>;

/** Replaces the user's roles with these role ids. */
export const ZSetUserRolesRequest = z.object({ roles: z.array(z.uuid()).max(50) });
export type SetUserRolesRequest = z.infer<typeof ZSetUserRolesRequest>;

/** Rename, deactivate (isActive: false) or reactivate a user; an empty change changes nothing. */
export const ZUpdateUserRequest = z.object({ name: z.string().trim().min(1).max(120).optional(), isActive: z.boolean().optional() });
export type UpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export interface UserView {
  id: string;
  email: string;
  name: string;
  isActive: boolean;
  roles: { id: string; name: string }[];
  createdAt: string;
}
