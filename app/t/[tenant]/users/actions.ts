"use server";
// Server action: create a user of the signed-in user's tenant (core:users:write), from the users page form.
import { headers } from "next/headers";
import { createUserCore } from "./action-cores";

export interface CreateUserState {
  error?: string;
  created?: string;
}

export async function createUserAction(_state: CreateUserState, form: FormData): Promise<CreateUserState> {
  const result = await createUserCore(await headers(), { email: form.get("email"), name: form.get("name"), password: form.get("password") });
  if (!result.ok) return { error: result.problem.errors?.map((e) => `${e.path}: ${e.message}`).join("; ") || result.problem.detail || result.problem.title };
  return { created: result.data.email };
}
