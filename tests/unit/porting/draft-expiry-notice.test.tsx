/**
 * @jest-environment jsdom
 *
 * Issue 16: a draft whose removal was announced says on each step when it goes, with one button
 * (a plain form post, so it works without JavaScript) that keeps it; a draft changed since, or not
 * announced, shows nothing.
 */
import { render, screen } from '@testing-library/react';
import { DraftExpiryNotice } from '@/components/porting/draft-expiry-notice';

jest.mock('@/app/(app)/numbers/port/actions', () => ({ keepPortRequestDraft: jest.fn() }));

const draft = { id: 'draft-1', status: 'draft', updatedAt: new Date('2026-12-01T12:00:00Z'), draftExpiryWarnedAt: new Date('2026-12-24T12:30:00Z') };

test('an announced draft shows its removal date and a Keep this draft button that names the draft', () => {
  const { container } = render(<DraftExpiryNotice draft={draft} />);
  expect(screen.getByRole('status').textContent).toContain('has not changed since December 1, 2026 and will be removed on December 31, 2026');
  expect(screen.getByRole('button', { name: 'Keep this draft' }).closest('form')).not.toBeNull();
  expect(container.querySelector<HTMLInputElement>('input[name="requestId"]')?.value).toBe('draft-1');
  expect(container.querySelector('time[datetime="2026-12-31T12:30:00.000Z"]')).not.toBeNull();
});

test('a draft changed after the email, never announced, or already sent shows no notice', () => {
  for (const other of [
    { ...draft, updatedAt: new Date('2026-12-25T09:00:00Z') },
    { ...draft, draftExpiryWarnedAt: null },
    { ...draft, status: 'submitted' },
  ]) {
    const { container } = render(<DraftExpiryNotice draft={other} />);
    expect(container.innerHTML).toBe('');
  }
});
