import 'server-only';
import { createHash } from 'node:crypto';
import type { Queryable } from '@/db/client';
import type { PortRequest } from '../../../port-request-access';
import { buildLoaDocument } from '../build-loa-document';
import { canonicalLoaText, type LoaDocument } from '../loa-document';
import { findByToken, LINK_REFUSALS, linkRefusal, loadRequestOf, senderOf, type LinkRefusal, type SignatureRequestRow } from './link-state';

export type SigningPage =
  | {
      usable: true;
      /** Exactly the LOA's text: never the PIN, nothing else of the account. */
      document: LoaDocument;
      /** The letter as shown, for the Sign form to send back (a letter changed since is refused). */
      letterFingerprint: string;
      signerName: string;
      /** The sender's word for the signer's title, for the form to suggest (the signer gives their own). */
      signerTitle: string | null;
      signerEmail: string;
      sentBy: string;
      businessName: string;
      expiresAt: Date;
    }
  | { usable: false; reason: LinkRefusal; title: string; message: string };

/** The letter as the person asked to sign it sees it through their link, or why the link cannot be used. */
export async function getSigningPage(db: Queryable, token: string, now = new Date()): Promise<SigningPage> {
  const row = await findByToken(db, token);
  if (!row) return refused('invalid');
  const request = await loadRequestOf(db, row);
  const reason = await linkRefusal(db, row, request, now);
  if (reason) return refused(reason);
  const document = await letterFor(db, request, row, now);
  return {
    usable: true,
    document,
    letterFingerprint: letterFingerprint(document),
    signerName: row.signerName,
    signerTitle: row.signerTitle,
    signerEmail: row.signerEmail,
    sentBy: (await senderOf(db, row)).name,
    businessName: document.accountHolder,
    expiresAt: row.expiresAt,
  };
}

function refused(reason: LinkRefusal): SigningPage {
  return { usable: false, reason, ...LINK_REFUSALS[reason] };
}

/**
 * The LOA with the person the link was sent to as its authorized person, with the title they give
 * when signing (until then, the one the sender gave, if any).
 */
export function letterFor(db: Queryable, request: PortRequest, row: SignatureRequestRow, date: Date, signerTitle: string | null = row.signerTitle): Promise<LoaDocument> {
  const { accountPinCiphertext: _pin, ...letterRequest } = request;
  return buildLoaDocument(db, letterRequest, { name: row.signerName, email: row.signerEmail, title: signerTitle }, date);
}

/**
 * The letter's text without its date (a page opened before midnight UTC can be signed after it)
 * and without the signer's title (the signer fills it in on the form, as they do the date).
 */
export function letterFingerprint(document: LoaDocument): string {
  const { title: _title, ...signer } = document.authorizedPerson;
  return createHash('sha256').update(canonicalLoaText({ ...document, date: '', authorizedPerson: signer }), 'utf8').digest('hex');
}
