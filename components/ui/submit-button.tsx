'use client';
import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { buttonClass } from './button';

/** A submit button that says it is working while the form posts (JS on); a plain button without JS. */
export function SubmitButton({ children, pendingText, variant = 'primary', name, value }: {
  children: ReactNode;
  pendingText?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} className={buttonClass(variant)} disabled={pending} aria-disabled={pending}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
