/** Cascading selects province → city → county (→ township); the value is the deepest code chosen. */
import { useEffect, useState } from 'react';
import { DIVISION_LEVELS, divisionPath, loadDivisions, type DivisionNode } from '../../divisions/divisions.js';
import { say } from '../text.js';
import type { WidgetProps } from './types.js';

export function DivisionWidget(props: WidgetProps) {
  const level = props.spec.divisionLevel ?? 'county';
  const depth = DIVISION_LEVELS.indexOf(level) + 1;
  const [tree, setTree] = useState<DivisionNode[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadDivisions(level).then((t) => live && setTree(t));
    return () => {
      live = false;
    };
  }, [level]);

  const code = typeof props.value === 'string' ? props.value : '';
  if (!tree) return <span id={props.id} aria-busy="true">{say('loading', props.locale)}</span>;
  const chosen = code ? divisionPath(tree, code) : [];
  const lists: DivisionNode[][] = [tree];
  for (let i = 0; i < depth - 1; i++) lists.push(chosen[i]?.children ?? []);

  return (
    <span className="ng-division" role="group" aria-labelledby={`${props.id}-label`} aria-describedby={props.describedBy}>
      {lists.slice(0, depth).map((options, i) => {
        const levelName = DIVISION_LEVELS[i]!;
        return (
          <label key={levelName}>
            <span className="ng-sublabel">{say(levelName, props.locale)}</span>
            <select
              id={i === 0 ? props.id : undefined}
              value={chosen[i]?.code ?? ''}
              disabled={props.readOnly || (i > 0 && !chosen[i - 1])}
              aria-invalid={props.invalid || undefined}
              aria-required={props.required || undefined}
              onBlur={props.onBlur}
              onChange={(e) => props.onChange(e.target.value === '' ? chosen[i - 1]?.code : e.target.value)}
            >
              <option value="">{say('choose', props.locale)}</option>
              {options.map((node) => (
                <option key={node.code} value={node.code}>
                  {node.name}
                </option>
              ))}
            </select>
          </label>
        );
      })}
    </span>
  );
}
