// The product's mark (also app/icon.svg): a ledger book's spine and two balanced lines.

export function LogoMark({ className = "size-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1f5fbf" />
      <rect x="8" y="7" width="3" height="18" rx="1.5" fill="#fff" />
      <rect x="13.5" y="10" width="11" height="3" rx="1.5" fill="#fff" />
      <rect x="13.5" y="19" width="11" height="3" rx="1.5" fill="#fff" opacity=".75" />
    </svg>
  );
}

export function Logo({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight text-slate-900 ${className}`}>
      <LogoMark />
      <span>BISMAN ERP</span>
    </span>
  );
}
