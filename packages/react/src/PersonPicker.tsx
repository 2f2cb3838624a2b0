/**
 * Choosing one person (radio buttons) or several (check boxes) by name, from the host's list or its
 * search function, with a find-by-name box. Ids travel to the engine only; people read names. People
 * already chosen stay listed while the search moves on.
 */
import { useEffect, useMemo, useState } from 'react';
import type { TaskOperationName } from '@nongan/engine';
import { matchPeople, purposeOf, type FindPeople, type PeopleQuery, type PersonOption } from './peopleModel.js';
import { say, type Locale } from './text.js';

export interface PersonPickerProps {
  id: string;
  legend: string;
  multiple: boolean;
  operation: TaskOperationName;
  instanceId: string;
  roles?: readonly string[] | undefined;
  /** A fixed list (e.g. a panel's pending signers), else the host's `people` or `findPeople`. */
  options?: readonly PersonOption[] | undefined;
  people?: readonly PersonOption[] | undefined;
  findPeople?: FindPeople | undefined;
  exclude: ReadonlySet<string>;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  locale: Locale;
  disabled: boolean;
}

const SEARCH_DELAY_MS = 150;

export function PersonPicker(props: PersonPickerProps) {
  const { id, legend, multiple, operation, instanceId, roles, options, people, findPeople, exclude, selected, onChange, locale, disabled } = props;
  const [text, setText] = useState('');
  const [found, setFound] = useState<readonly PersonOption[]>([]);
  const [known, setKnown] = useState<ReadonlyMap<string, PersonOption>>(new Map());
  const query = useMemo((): PeopleQuery => ({ text, operation, instanceId, purpose: purposeOf(operation), ...(roles ? { roles } : {}) }), [text, operation, instanceId, roles?.join(',')]);
  const fixed = options ?? people;

  useEffect(() => {
    if (fixed || !findPeople) return;
    let live = true;
    const timer = setTimeout(() => {
      Promise.resolve(findPeople(query)).then(
        (list) => live && setFound(list.filter((p) => !exclude.has(p.id))),
        () => live && setFound([]),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, fixed, findPeople]);

  const candidates = fixed ? matchPeople(fixed, query, exclude) : found;
  // The chosen stay in view (and named) even when the search no longer finds them.
  const chosen = selected.map((pid) => known.get(pid)).filter((p): p is PersonOption => p !== undefined && !candidates.some((c) => c.id === p.id));
  const listed = [...chosen, ...candidates];

  const toggle = (person: PersonOption, on: boolean) => {
    setKnown(new Map(known).set(person.id, person));
    if (!multiple) return onChange(on ? [person.id] : []);
    onChange(on ? [...selected.filter((s) => s !== person.id), person.id] : selected.filter((s) => s !== person.id));
  };

  return (
    <fieldset className="nw-picker" disabled={disabled}>
      <legend>{legend}</legend>
      <label className="nw-picker-search">
        {say('findPeople', locale)}
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {listed.length === 0 ? (
        <p className="nw-muted">{say('noPeople', locale)}</p>
      ) : (
        <ul>
          {listed.map((person) => (
            <li key={person.id}>
              <label>
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={`${id}-person`}
                  value={person.id}
                  checked={selected.includes(person.id)}
                  onChange={(e) => toggle(person, e.target.checked)}
                />{' '}
                {person.name}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
