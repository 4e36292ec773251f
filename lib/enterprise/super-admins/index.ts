// Super admins, managed by enterprise admins: the services behind /api/enterprise/super-admins.
export { createSuperAdmin, ZCreateSuperAdminRequest, type CreateSuperAdminRequest } from "./create-super-admin";
export { listSuperAdmins } from "./list-super-admins";
export { updateSuperAdmin, ZUpdateSuperAdminRequest, type UpdateSuperAdminRequest } from "./update-super-admin";
export { ZSuperAdminParams, ZSuperAdminView, type EnterpriseActor, type SuperAdminView } from "./view";
