/** The region chooser of the sign-in and the farm register: the five portal regions by their own names. */
import { regionName } from './labels.js';
import { usePortal } from './PortalContext.js';
import { PORTAL_REGIONS, isPortalRegion, type PortalRegion } from './session.js';

export function RegionSelect({ name, value, onChange }: { name: string; value: PortalRegion; onChange: (region: PortalRegion) => void }) {
  const { locale } = usePortal();
  return (
    <select name={name} value={value} onChange={(e) => isPortalRegion(e.target.value) && onChange(e.target.value)}>
      {PORTAL_REGIONS.map((r) => (
        <option key={r} value={r}>
          {regionName(r, locale)}
        </option>
      ))}
    </select>
  );
}
