import { REVIEW_WITHIN, SMS_DELAY } from '../promises';
import type { PortNumberStatus, PortRequestStatus } from './statuses';

/** For customers: what a status means and what happens next. */
export const STATUS_DESCRIPTIONS: Record<PortRequestStatus, { label: string; explanation: string }> = {
  draft: { label: 'Draft', explanation: 'Not sent yet. Resume it to finish the steps and send it to our team.' },
  submitted: { label: 'Submitted', explanation: `Received. Our regulatory team will review your proof of ownership and LOA, usually within ${REVIEW_WITHIN}.` },
  in_review: { label: 'In review', explanation: 'Our team is checking your details against the proof and LOA before sending the request to your current carrier.' },
  changes_needed: { label: 'Changes needed', explanation: 'Something must be corrected before the port can go ahead. Open the request to see what and to resubmit.' },
  approved: { label: 'Approved', explanation: 'Sent to your current carrier. We will email you as soon as they confirm a port date.' },
  scheduled: { label: 'Scheduled', explanation: 'Your current carrier confirmed the port date. Keep your service with them active until the numbers have moved.' },
  completed: { label: 'Completed', explanation: `The numbers are on the platform and take calls. Texts can follow ${SMS_DELAY} later for non-mobile numbers.` },
  cancelled: { label: 'Cancelled', explanation: 'This request was stopped; the numbers stay with your current carrier.' },
};

export const NUMBER_STATUS_LABELS: Record<PortNumberStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  scheduled: 'Scheduled',
  ported: 'Ported',
  cancelled: 'Cancelled',
};
