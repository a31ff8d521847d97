import 'server-only';
import { z } from 'zod';
import { NUMBER_STATUSES, REQUEST_STATUSES } from '@/lib/porting/lifecycle/statuses';
import { STATUS_DESCRIPTIONS } from '@/lib/porting/lifecycle/status-labels';
import type { PortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';

// What the API shows of a port request: what the request page shows a customer, as JSON. Never the
// PIN: only whether one is on file.

const timestamp = z.string().meta({ format: 'date-time' });

export const portNumberResource = z
  .object({
    number: z.string().meta({ description: 'E.164', example: '+14105550123' }),
    receivingNumber: z.string(),
    country: z.enum(['US', 'CA']),
    isTollFree: z.boolean(),
    status: z.enum(NUMBER_STATUSES as unknown as [string, ...string[]]),
    statusReason: z.string().nullable(),
    trackingSource: z.string().nullable(),
    accountName: z.string().meta({ description: 'The account the number will live in' }),
  })
  .meta({ id: 'PortNumber' });

const addressResource = z.object({ street: z.string(), unit: z.string().optional(), city: z.string(), region: z.string(), postalCode: z.string(), country: z.enum(['US', 'CA']) });

export const portRequestEventResource = z
  .object({
    id: z.string(),
    type: z.string(),
    label: z.string(),
    detail: z.string().nullable(),
    actorName: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'PortRequestEvent' });

export const portRequestResource = z
  .object({
    id: z.string().meta({ format: 'uuid' }),
    object: z.literal('port_request'),
    reference: z.string().meta({ description: 'The short reference people read out and the team searches by', example: 'PR-2026-0142' }),
    accountId: z.string().meta({
      format: 'uuid',
      description:
        'The account the request belongs to. A draft belongs to the account it was created in; at submission it goes to the account its numbers will live in (a draft with numbers for several accounts becomes one request per account).',
    }),
    accountName: z.string(),
    status: z.enum(REQUEST_STATUSES as unknown as [string, ...string[]]),
    statusDescription: z.string(),
    version: z.number().int().meta({ description: 'Rises with every change the team decides on' }),
    numberGroup: z.enum(['us_local', 'ca_local', 'toll_free']).nullable(),
    siblingGroupId: z.string().nullable().meta({ description: 'Set when a mixed draft was split into linked requests at submission' }),
    losingCarrier: z.string().nullable(),
    requestedPortDate: z.string().nullable().meta({ format: 'date' }),
    customerName: z.string().nullable(),
    carrierAccountNumber: z.string().nullable(),
    accountPinOnFile: z.boolean().meta({ description: 'The PIN itself is never returned' }),
    portType: z.enum(['full', 'partial']).nullable(),
    billingTelephoneNumber: z.string().nullable(),
    btnIsPorting: z.boolean().nullable(),
    billingAddress: addressResource.nullable(),
    serviceAddress: addressResource.nullable().meta({ description: 'Where the lines are installed; null when that is the billing address' }),
    agreementAcceptedAt: timestamp.nullable(),
    completedSteps: z.array(z.string()),
    submittedAt: timestamp.nullable(),
    focDate: timestamp.nullable().meta({ description: 'The port date the carrier confirmed (firm order commitment)' }),
    completedAt: timestamp.nullable(),
    cancelledAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    numbers: z.array(portNumberResource),
    loa: z.object({ signerName: z.string(), signerTitle: z.string().nullable(), signedAt: timestamp, contentSha256: z.string() }).nullable(),
    proofFiles: z.array(z.object({ id: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: timestamp })),
    changesNeeded: z.object({ reasons: z.array(z.object({ code: z.string(), numbers: z.array(z.string()).optional() })), note: z.string().nullable(), requestedAt: timestamp }).nullable(),
    events: z.array(portRequestEventResource),
    noteCount: z.number().int(),
  })
  .meta({ id: 'PortRequest' });

export type PortRequestResource = z.infer<typeof portRequestResource>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toPortRequestResource(detail: PortRequestDetail): PortRequestResource {
  const r = detail.request;
  return {
    id: r.id,
    object: 'port_request',
    reference: r.reference,
    accountId: r.accountId,
    accountName: detail.accountName,
    status: r.status,
    statusDescription: STATUS_DESCRIPTIONS[r.status].explanation,
    version: r.version,
    numberGroup: r.numberGroup,
    siblingGroupId: r.siblingGroupId,
    losingCarrier: r.losingCarrier,
    requestedPortDate: r.requestedPortDate,
    customerName: r.customerName,
    carrierAccountNumber: r.carrierAccountNumber,
    accountPinOnFile: r.hasPin,
    portType: r.portType,
    billingTelephoneNumber: r.billingTelephoneNumber,
    btnIsPorting: r.btnIsPorting,
    billingAddress: r.billingAddress,
    serviceAddress: r.serviceAddress,
    agreementAcceptedAt: iso(r.agreementAcceptedAt),
    completedSteps: r.completedSteps,
    submittedAt: iso(r.submittedAt),
    focDate: iso(r.focDate),
    completedAt: iso(r.completedAt),
    cancelledAt: iso(r.cancelledAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    numbers: detail.numbers.map((n) => ({
      number: n.number,
      receivingNumber: n.receivingNumber,
      country: n.country,
      isTollFree: n.isTollFree,
      status: n.status,
      statusReason: n.statusReason,
      trackingSource: n.trackingSource,
      accountName: n.accountName,
    })),
    loa: detail.loa ? { signerName: detail.loa.signerName, signerTitle: detail.loa.signerTitle, signedAt: detail.loa.signedAt.toISOString(), contentSha256: detail.loa.contentSha256 } : null,
    proofFiles: detail.proofs.map((p) => ({ id: p.id, filename: p.filename, contentType: p.contentType, sizeBytes: p.sizeBytes, uploadedAt: p.uploadedAt.toISOString() })),
    changesNeeded: detail.openChanges
      ? { reasons: detail.openChanges.reasons, note: detail.openChanges.note, requestedAt: detail.openChanges.createdAt.toISOString() }
      : null,
    events: detail.events.map((e) => ({ id: e.id, type: e.type, label: e.label, detail: e.detail ?? null, actorName: e.actorName ?? null, createdAt: e.createdAt.toISOString() })),
    noteCount: detail.noteCount,
  };
}
