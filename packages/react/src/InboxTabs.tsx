/**
 * The inbox's tab list (WAI-ARIA tabs): each tab names its list and its count, 抄送我的 also its
 * unread count; arrow keys, Home and End move between tabs and select them (one tab stop).
 */
import { useRef, type KeyboardEvent } from 'react';
import { TAB_LABELS, type InboxTab, type TabCounts } from './inboxTabs.js';
import { say, type Locale } from './text.js';

export interface InboxTabsProps {
  tabs: readonly InboxTab[];
  selected: InboxTab;
  counts: TabCounts | undefined;
  locale: Locale;
  /** Prefix of the tab and panel element ids. */
  idPrefix: string;
  onSelect: (tab: InboxTab) => void;
}

export const tabId = (prefix: string, tab: InboxTab) => `${prefix}-tab-${tab}`;
export const panelId = (prefix: string) => `${prefix}-panel`;

export function InboxTabs({ tabs, selected, counts, locale, idPrefix, onSelect }: InboxTabsProps) {
  const buttons = useRef(new Map<InboxTab, HTMLButtonElement>());
  const move = (event: KeyboardEvent, index: number) => {
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    onSelect(tab);
    buttons.current.get(tab)?.focus();
  };
  return (
    <div className="nw-tabs" role="tablist" aria-label={say('tabsLabel', locale)}>
      {tabs.map((tab, index) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={tabId(idPrefix, tab)}
          aria-selected={tab === selected}
          aria-controls={panelId(idPrefix)}
          tabIndex={tab === selected ? 0 : -1}
          data-tab={tab}
          ref={(b) => {
            if (b) buttons.current.set(tab, b);
            else buttons.current.delete(tab);
          }}
          onClick={() => onSelect(tab)}
          onKeyDown={(e) => move(e, index)}
        >
          {say(TAB_LABELS[tab], locale)}
          {counts && <span className="nw-count"> {counts[tab]}</span>}
          {tab === 'copies' && counts && counts.unread > 0 && <span className="nw-unread-count">{say('unreadCount', locale, { n: counts.unread })}</span>}
        </button>
      ))}
    </div>
  );
}
