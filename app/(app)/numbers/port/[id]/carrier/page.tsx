import type { Metadata } from 'next';
import { WizardFrame } from '@/components/porting/wizard-frame';
import { longDate } from '@/lib/format/long-date';
import { addDays, todayUtc } from '@/lib/porting/business-days';
import { loadWizardStep } from '@/lib/porting/wizard/load-wizard-step';
import { MAX_LEAD_DAYS, MIN_LEAD_DAYS } from '@/lib/porting/wizard/carrier';
import { getCarrierView } from '@/lib/porting/wizard/numbers/carrier-view';
import { isFromLetter } from '@/components/porting/back-to-letter';
import { CarrierForm } from './carrier-form';
import { SuggestedCarrier } from './suggested-carrier';
import { PORT_WINDOWS } from '@/lib/porting/promises';

export const metadata: Metadata = { title: 'Current carrier' };

export default async function CarrierStepPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string }> }) {
  const { id } = await params;
  const backToLetter = isFromLetter(await searchParams);
  const { draft, db, allowedSteps } = await loadWizardStep(id, 'carrier');
  const today = todayUtc();
  // Revisited after the numbers were checked with the carrier: its records may name another carrier.
  const { suggestion } = await getCarrierView(db, draft);
  return (
    <WizardFrame allowedSteps={allowedSteps} draft={draft} step="carrier" intro="Enter the name of the carrier your numbers are with today.">
      {suggestion && (
        <div className="mb-6">
          <SuggestedCarrier requestId={id} suggestion={suggestion} requestedPortDate={draft.requestedPortDate ?? ''} signed={draft.completedSteps.includes('loa')} />
        </div>
      )}
      <CarrierForm
        requestId={id}
        backToLetter={backToLetter}
        saved={{ losingCarrier: draft.losingCarrier ?? '', requestedPortDate: draft.requestedPortDate ?? '' }}
        dateRange={{ min: longDate(addDays(today, MIN_LEAD_DAYS)), max: longDate(addDays(today, MAX_LEAD_DAYS)) }}
      />
      <p className="mt-6 text-sm text-slate-600">
        Without a requested date, US ports usually complete in {PORT_WINDOWS.us.label} and Canadian ports can take {PORT_WINDOWS.ca.label}{' '}
        after we send the request to the carrier.
      </p>
    </WizardFrame>
  );
}
