/**
 * `<CaseReceipt>`: the 受理回执 shown after a step was accepted, printable on its own (the print
 * stylesheet hides the rest of the page). It says what happens next instead of leaving people to guess.
 */
import { dueText } from './due.js';
import { printAlone } from './printAlone.js';
import type { Receipt } from './receiptModel.js';
import { say, type Locale } from './text.js';

export function CaseReceipt({ receipt, locale }: { receipt: Receipt; locale: Locale }) {
  const list = locale === 'en' ? ', ' : '、';
  return (
    <section className="nw-receipt" aria-labelledby="nw-receipt-title" data-testid="case-receipt">
      <h3 id="nw-receipt-title">{say('receiptTitle', locale)}</h3>
      <dl>
        {receipt.caseNumber && (
          <>
            <dt>{say('caseNumber', locale)}</dt>
            <dd className="nw-case-number">{receipt.caseNumber}</dd>
          </>
        )}
        <dt>{say('receiptCase', locale)}</dt>
        <dd>{receipt.title}</dd>
        <dt>{say('receiptDone', locale)}</dt>
        <dd>
          {receipt.done} · {receipt.at}
        </dd>
        <dt>{say(receipt.finished ? 'receiptOutcome' : 'receiptNext', locale)}</dt>
        <dd>{receipt.nextStep}</dd>
        {receipt.handledBy.length > 0 && (
          <>
            <dt>{say('receiptHandledBy', locale)}</dt>
            <dd>{receipt.handledBy.join(list)}</dd>
          </>
        )}
        {receipt.due && (
          <>
            <dt>{say('receiptDue', locale)}</dt>
            <dd className="nw-due">{dueText(receipt.due, locale)}</dd>
          </>
        )}
      </dl>
      <button type="button" className="nw-print" onClick={() => printAlone('nw-printing-receipt')}>
        {say('receiptPrint', locale)}
      </button>
    </section>
  );
}
