import { z } from 'zod';
export { AGREEMENT_STATEMENTS } from './agreement-statements';



const checked = (message: string) => z.literal('on', { message });

export const agreementStepSchema = z.object({
  authority: checked('Confirm that you may act for the account holder.'),
  activeService: checked('Confirm that the numbers stay active with the current carrier until the port is done.'),
  matchesBill: checked('Confirm that the details match the bill.'),
  smsDelay: checked('Confirm that you understand SMS can follow a few days after voice.'),
});
