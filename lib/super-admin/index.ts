// The super admin's view: their assigned clients, modules for them, their users.
export { assignModule, ZAssignModuleRequest, type AssignModuleRequest, type AssignModuleResult } from "./assign-module";
export { listAssignedClients } from "./list-assigned-clients";
export { listClientUsers } from "./list-client-users";
export { reissueAssignedSetupLink } from "./reissue-setup-link";
export { ZAssignedClientParams, ZAssignedClientView, type AssignedClientView, type SuperAdminPrincipal } from "./schemas";
