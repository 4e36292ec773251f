import type { TenantContext } from "../../tenancy/types";
import { getControlAccount, setControlAccount, type ControlAccountRequest } from "../documents/settings";

/** The receivable account sales documents post to. */
export function getReceivableAccount(ctx: TenantContext) {
  return getControlAccount(ctx, "SALE");
}

export function setReceivableAccount(ctx: TenantContext, input: ControlAccountRequest) {
  return setControlAccount(ctx, "SALE", input);
}
