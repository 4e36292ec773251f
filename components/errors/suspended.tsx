import { StatusPage } from "./status-page";

/** A suspended tenant's host: no sign-in, no setup, only this. */
export function SuspendedNotice({ tenantName }: { tenantName: string }) {
  return (
    <StatusPage code="Suspended" title={`${tenantName} is suspended`} data-testid="tenant-suspended">
      <p>{tenantName} is suspended. Contact your administrator.</p>
      <p>Nothing has been deleted: when the workspace is resumed, everyone signs in again as before.</p>
    </StatusPage>
  );
}
