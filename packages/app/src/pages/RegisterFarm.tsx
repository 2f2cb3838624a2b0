/** Registration in the farm register (主体名录): a new farm of a region, then signed in as it. */
import { useState } from 'react';
import { checkFarmInput, newFarmId } from '../shell/farms.js';
import { usePortal, useText } from '../shell/PortalContext.js';
import { RegionSelect } from '../shell/RegionSelect.js';
import type { PortalRegion } from '../shell/session.js';

export function RegisterFarm() {
  const { session, farms, setFarms, signIn, locale, runtime } = usePortal();
  const t = useText();
  const [region, setRegion] = useState<PortalRegion>(session?.region ?? 'jiyuan');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [problems, setProblems] = useState<Array<{ zh: string; en: string }>>([]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found = checkFarmInput({ name, contact }, farms, region);
    setProblems(found);
    if (found.length > 0) return;
    const farm = { id: newFarmId(region), region, name: name.trim(), ...(contact.trim() ? { contact: contact.trim() } : {}), registeredAt: new Date(runtime.clock.now()).toISOString() };
    setFarms([...farms, farm]);
    signIn({ region, role: 'producer', farmId: farm.id });
    setName('');
    setContact('');
  };

  return (
    <form className="portal-card" onSubmit={submit} aria-labelledby="register-title">
      <h2 id="register-title">{t('registerTitle')}</h2>
      <label>
        {t('region')}
        <RegionSelect name="register-region" value={region} onChange={setRegion} />
      </label>
      <label>
        {t('farmName')}
        <input type="text" name="farm-name" value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        {t('farmContact')}
        <input type="text" name="farm-contact" inputMode="numeric" value={contact} onChange={(e) => setContact(e.target.value)} />
      </label>
      {problems.length > 0 && (
        <ul role="alert" className="portal-error">
          {problems.map((p) => (
            <li key={p.en}>{locale === 'en' ? p.en : p.zh}</li>
          ))}
        </ul>
      )}
      <button type="submit" className="portal-primary">
        {t('registerButton')}
      </button>
    </form>
  );
}
