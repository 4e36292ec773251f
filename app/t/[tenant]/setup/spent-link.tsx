/** What a forged, expired, foreign or already used setup link shows (no hint of which); `detail` is the server's text. */
export function SpentLink({ detail }: { detail: string }) {
  return (
    <div className="w-full max-w-sm space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">Setup link not valid</h1>
      <p role="alert" data-testid="setup-link-spent" className="text-sm text-slate-700">
        {detail}
      </p>
      <p className="text-sm text-slate-600">
        If you have already set your password,{" "}
        <a href="/sign-in" className="text-brand-700 underline">
          sign in
        </a>
        . Otherwise ask your administrator for a new link.
      </p>
    </div>
  );
}
