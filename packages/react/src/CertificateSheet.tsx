/**
 * `<CertificateSheet certificates size>`: many certificates printed at once, one per page or label
 * (a day's batches: one certificate per batch or vehicle). A4 pages carry the full card; label sizes
 * use CSS named pages (`@page nw-label-60x40 { size: 60mm 40mm }`), so a label printer gets pages of
 * its own size while the rest of the site keeps A4. While printing, everything but the sheet is hidden.
 */
import { CertificateCard } from './CertificateCard.js';
import { CertificateLabel, type LabelSize } from './CertificateLabel.js';
import type { CertificateData } from './certificateModel.js';
import { printAlone } from './printAlone.js';
import { say, type Locale } from './text.js';

export type SheetSize = 'a4' | LabelSize;
export const SHEET_SIZES: readonly SheetSize[] = ['a4', '100x70', '60x40'];

export interface CertificateSheetProps {
  certificates: readonly CertificateData[];
  size: SheetSize;
  locale?: Locale;
  /** Show the print button (default true). */
  printable?: boolean;
}

/** Prints the sheet alone. */
export const printSheet = (): void => printAlone('nw-printing-sheet');

export function CertificateSheet({ certificates, size, locale = 'zh-CN', printable = true }: CertificateSheetProps) {
  if (!SHEET_SIZES.includes(size)) throw new TypeError(`CertificateSheet: size must be one of ${SHEET_SIZES.join(', ')} / size 须为 ${SHEET_SIZES.join('、')} 之一`);
  return (
    <div className="nw nw-sheet-wrap">
      {printable && certificates.length > 0 && (
        <button type="button" className="nw-no-print" onClick={printSheet}>
          {say('printAll', locale).replace('{n}', String(certificates.length))}
        </button>
      )}
      <div className={`nw-sheet nw-sheet--${size}`} data-size={size} data-count={certificates.length}>
        {certificates.map((c) => (
          <div className="nw-sheet-page" key={c.number}>
            {size === 'a4' ? <CertificateCard certificate={c} locale={locale} printable={false} /> : <CertificateLabel certificate={c} size={size} locale={locale} />}
          </div>
        ))}
      </div>
    </div>
  );
}
