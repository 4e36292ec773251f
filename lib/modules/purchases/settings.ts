import type { TenantContext } from "../../tenancy/types";
import { getControlAccount, setControlAccount, type ControlAccountRequest } from "../documents/settings";

/** The payable account purchase documents post to. */
export function getPayableAccount(ctx: TenantContext) {
  return getControlAccount(ctx, "PURCHASE");
}

export function setPayableAccount(ctx: TenantContext, input: ControlAccountRequest) {
  return setControlAccount(ctx, "PURCHASE", input);
}
