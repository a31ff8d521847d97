// How much proof one "Send Proof of Ownership" takes. Shared by the form (to warn before a long
// upload), the action, and the proxy and Next's body limit (so a larger post gets a message, not a
// crash). No server-only import: the browser runs the same check.

const MB = 1024 * 1024;
export const PROOF_MAX_BYTES = 10 * MB;
export const PROOF_MAX_FILES = 5;
/** What a post with the most proof allowed can weigh, with room for the form's other fields. */
export const UPLOAD_BODY_LIMIT_BYTES = PROOF_MAX_FILES * PROOF_MAX_BYTES + 2 * MB;

export function proofDisplayName(name: string): string {
  const clean = name.replace(/[\p{Cc}\p{Cf}]/gu, '').trim() || 'The file';
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

export function megabytes(size: number): string {
  return `${(size / MB).toFixed(1)} MB`;
}

export function proofSizeProblem(file: { name: string; size: number }): string | undefined {
  if (file.size <= PROOF_MAX_BYTES) return undefined;
  return `"${proofDisplayName(file.name)}" is ${megabytes(file.size)}; the limit is ${PROOF_MAX_BYTES / MB} MB per file.`;
}

/** What is wrong with a choice of files by count and size alone (their content is checked on the server). */
export function proofSelectionProblems(files: { name: string; size: number }[]): string[] {
  const problems = files.map(proofSizeProblem).filter((p): p is string => !!p);
  if (files.length > PROOF_MAX_FILES) problems.unshift(`Choose at most ${PROOF_MAX_FILES} files at a time; you chose ${files.length}. Send the rest afterwards, or combine pages into one PDF.`);
  return problems;
}
