import type { WizardStepKey } from '../wizard/steps';

// The reasons carriers give when a port is refused, as the team codes them when asking for changes.
// Each says what the customer should do and which part of the request opens for editing.
export const CHANGE_REASONS = {
  name_mismatch: { label: 'Customer name does not match the carrier’s record', action: 'Ask your current carrier for the customer service record (CSR) and enter the name exactly as it shows there.', steps: ['customer'] },
  account_number_mismatch: { label: 'Account number does not match', action: 'Check the account number on a recent bill or the CSR and enter it again.', steps: ['customer'] },
  pin_mismatch: { label: 'Account PIN does not match', action: 'Ask your current carrier for the port-out PIN (it can differ from your login PIN) and enter it again.', steps: ['customer'] },
  pin_invalid: { label: 'Account PIN is missing or invalid', action: 'Request a new port-out PIN from your current carrier and enter it.', steps: ['customer'] },
  btn_mismatch: { label: 'Billing telephone number does not match', action: 'Enter the main number of the account exactly as on the bill.', steps: ['customer'] },
  address_mismatch: { label: 'Service address does not match', action: 'Enter the address exactly as on the CSR, including suite numbers and abbreviations.', steps: ['address'] },
  zip_mismatch: { label: 'ZIP or postal code does not match', action: 'Check the ZIP or postal code on the CSR and enter it again.', steps: ['address'] },
  number_not_portable: { label: 'A number cannot be ported', action: 'Remove the numbers marked below; they cannot move to us from this carrier.', steps: ['numbers'] },
  number_not_active: { label: 'A number is not active with the current carrier', action: 'Make sure the numbers marked below are active with your current carrier, or remove them from the request.', steps: ['numbers'] },
  partial_port_main_btn: { label: 'Partial port includes the account’s main number', action: 'Tell us which number should become the new main number of the account you keep, or port every number.', steps: ['customer'] },
  auth_person_mismatch: { label: 'The person who signed is not authorized on the account', action: 'Have the Letter of Authorization signed by someone your current carrier lists as authorized on the account, with their title, then resubmit.', steps: ['loa'] },
  pending_order_freeze: { label: 'A pending order or a port freeze at the current carrier', action: 'Ask your current carrier to complete or cancel the pending order and lift any port freeze, then resubmit.', steps: [] },
  proof_unreadable: { label: 'Proof of ownership is unreadable or does not match', action: 'Upload a recent, complete bill or screenshot that shows the account holder and the numbers.', steps: ['proof'] },
} as const satisfies Record<string, { label: string; action: string; steps: readonly WizardStepKey[] }>;

export type ChangeReasonCode = keyof typeof CHANGE_REASONS;
export const CHANGE_REASON_CODES = Object.keys(CHANGE_REASONS) as ChangeReasonCode[];

/** The steps a customer may edit while fixing: those of the reasons, then the LOA and proof to resubmit. */
export function stepsOpenedBy(codes: readonly string[]): WizardStepKey[] {
  const steps = new Set<WizardStepKey>();
  for (const code of codes) for (const step of CHANGE_REASONS[code as ChangeReasonCode]?.steps ?? []) steps.add(step);
  steps.add('loa');
  steps.add('proof');
  return [...steps];
}
