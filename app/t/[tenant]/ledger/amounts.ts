// Money on the ledger pages, as strings end to end (never through a float): the
// service answers "1500.2500"; the new-entry form totals what is typed exactly,
// in ten-thousandths (numeric(19,4)), with BigInt.

const UNITS = BigInt(10_000);

/** "1500.2500" → "1,500.25": thousands grouped, at least two decimals, further trailing zeros dropped. Anything else is returned as it is. */
export function formatAmount(value: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return value;
  const [, sign, int = "0", frac = ""] = m;
  const decimals = frac.replace(/0+$/, "").padEnd(2, "0");
  const grouped = int.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const zero = /^0+$/.test(int) && /^0*$/.test(frac);
  return `${sign && !zero ? "-" : ""}${grouped}.${decimals}`;
}

/** An amount as typed → ten-thousandths; empty → 0; null when the API would refuse it (the same rule as ZMoney). */
export function parseAmount(text: string): bigint | null {
  const t = text.trim();
  if (t === "") return BigInt(0);
  const m = /^(\d{1,15})(?:\.(\d{1,4}))?$/.exec(t);
  if (!m) return null;
  return BigInt(m[1]!) * UNITS + BigInt((m[2] ?? "").padEnd(4, "0"));
}

/** An amount as the service answers it ("-1500.2500", any size) → ten-thousandths; null if it is not one. */
export function amountUnits(value: string): bigint | null {
  const m = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(value.trim());
  if (!m) return null;
  const units = BigInt(m[2]!) * UNITS + BigInt((m[3] ?? "").padEnd(4, "0"));
  return m[1] ? -units : units;
}

/** Ten-thousandths → "1500.2500" (feed it to formatAmount to show it). */
export function unitsToAmount(units: bigint): string {
  const negative = units < BigInt(0);
  const abs = negative ? -units : units;
  return `${negative ? "-" : ""}${abs / UNITS}.${(abs % UNITS).toString().padStart(4, "0")}`;
}
