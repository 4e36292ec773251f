import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";

// A SCRAM-SHA-256 verifier for `CREATE ROLE … PASSWORD '<verifier>'`:
// PostgreSQL stores it as is, so the plaintext password never reaches the
// server (nor its statement log). Same algorithm as libpq's PQencryptPasswordConn.
export function scramSha256Verifier(password: string, iterations = 4096): string {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password.normalize("NFKC"), salt, iterations, 32, "sha256");
  const clientKey = createHmac("sha256", salted).update("Client Key").digest();
  const storedKey = createHash("sha256").update(clientKey).digest();
  const serverKey = createHmac("sha256", salted).update("Server Key").digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

/**
 * Iterations for the verifiers of generated secrets (tenant-role passwords: 32 random bytes). SCRAM's PBKDF2
 * stretching protects guessable passwords when a verifier leaks; a 256-bit random secret cannot be guessed
 * at any iteration count, so stretching it only makes every new connection pay: the client runs PBKDF2 at the
 * count the server sends, which is the count stored in the role's verifier (PostgreSQL honours it, whatever
 * its own scram_iterations says). Human-chosen passwords keep the default (4096) or more.
 */
export const GENERATED_SECRET_SCRAM_ITERATIONS = 16;

/** A verifier for a generated secret of at least 256 bits (43 base64url characters); refuses anything shorter. */
export function generatedSecretVerifier(secret: string): string {
  if (secret.length < 43) throw new Error("a generated secret has at least 256 bits (43 base64url characters)");
  return scramSha256Verifier(secret, GENERATED_SECRET_SCRAM_ITERATIONS);
}
