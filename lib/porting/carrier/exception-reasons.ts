import type { ChangeReasonCode } from '../review/change-reasons';

// The carrier's exception codes (Telnyx's PortingOrdersExceptionType) the customer can fix, as our
// change reasons. A code not here is for the team only: an internal note, and the customer sees nothing.
export const EXCEPTION_REASONS: Readonly<Record<string, ChangeReasonCode>> = {
  PASSCODE_PIN_INVALID: 'pin_invalid',
  LOCATION_MISMATCH: 'address_mismatch',
  POSTAL_CODE_MISMATCH: 'zip_mismatch',
  ACCOUNT_NUMBER_MISMATCH: 'account_number_mismatch',
  ENTITY_NAME_MISMATCH: 'name_mismatch',
  AUTH_PERSON_MISMATCH: 'auth_person_mismatch',
  BTN_ATN_MISMATCH: 'btn_mismatch',
  MAIN_BTN_PORTING: 'partial_port_main_btn',
  PHONE_NUMBER_NOT_PORTABLE: 'number_not_portable',
  RATE_CENTER_NOT_PORTABLE: 'number_not_portable',
  PHONE_NUMBER_MISMATCH: 'number_not_active',
  LSR_PENDING: 'pending_order_freeze',
};

/** Our change reason for a carrier exception code, or null when only the team can act on it. */
export function reasonForException(code: string): ChangeReasonCode | null {
  return Object.hasOwn(EXCEPTION_REASONS, code) ? EXCEPTION_REASONS[code] : null;
}
