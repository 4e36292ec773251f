// Tenant (client) provisioning and lifecycle: the services behind /api/enterprise/clients.
export { createClient, type Actor, type CreateClientOptions, type CreateClientResult } from "./create-client";
export { updateClient } from "./update-client";
export { archiveClient } from "./archive-client";
export { listClients } from "./list-clients";
export { purgeArchived, dropTenant } from "./purge";
export { reconcile, type ReconcileReport } from "./reconcile";
export { closeAdminPools } from "./admin";
export { tenantDbName, tenantRoleName } from "./resources";
export { slugProblem, slugFromName, RESERVED_SLUGS } from "./slug";
export { issueSetupToken, verifySetupToken } from "../auth/setup-link";
export { reissueSetupLink, type SetupLinkIssued } from "./reissue-setup-link";
export * from "./schemas";
export { dropSpares, replenishSpares, spareScope, spareTarget } from "./spares";
