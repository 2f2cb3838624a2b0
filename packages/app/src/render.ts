/** Plain-DOM rendering of the engine demo. Text goes in through textContent, never as HTML. */
import type { Actor, Engine, ManualClock } from '@nongan/engine';

interface DemoDeps {
  engine: Engine;
  clock: ManualClock;
  actors: Record<string, Actor & { label: string }>;
  exampleData: Record<string, Record<string, unknown>>;
  describeError: (error: unknown) => string;
  saveClock: () => void;
}

const DAY = 86_400_000;

function el(tag: string, props: Record<string, unknown> = {}, ...children: Array<Node | string>): HTMLElement {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export function renderDemo(root: HTMLElement, deps: DemoDeps): void {
  const { engine, clock, actors } = deps;
  let actorKey = 'farm';
  let selected: string | null = null;
  let message: { text: string; error: boolean } | null = null;

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message = { text: done, error: false };
    } catch (error) {
      message = { text: deps.describeError(error), error: true };
    }
    await draw();
  };

  async function draw(): Promise<void> {
    const actor = actors[actorKey]!;
    const roleSelect = el('select', { id: 'actor', onchange: () => ((actorKey = roleSelect.value), void draw()) }) as HTMLSelectElement;
    for (const [key, a] of Object.entries(actors)) roleSelect.append(el('option', { value: key, selected: key === actorKey }, a.label));
    const header = el(
      'header',
      {},
      el('h1', {}, '农安流程引擎演示 / Engine demo'),
      el('label', {}, '身份 / Acting as: ', roleSelect),
      el('span', { id: 'clock' }, `演示时钟 / Demo clock: ${new Date(clock.now()).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`),
      el('button', {
        className: 'secondary',
        onclick: () =>
          act(async () => {
            clock.advance(DAY);
            deps.saveClock();
            await engine.runDueTimers();
          }, '时钟前进一天，已触发到期期限 / Clock advanced one day; due deadlines fired'),
      }, '+1 天 / +1 day'),
    );

    const cases = await engine.query({ workflowId: 'sample-review', limit: 50 });
    const list = el('section', {}, el('h2', {}, '案件 / Cases'));
    const newCase = el('button', {
      onclick: () =>
        act(
          () => engine.start('sample-review', { actor, region: 'jiyuan', subject: 'farm-001', data: { farmName: '济源示范生猪养殖场', headCount: 320 } }),
          '已创建案件 / Case opened',
        ),
    }, '新建资质申请 / New application');
    list.append(newCase);
    const table = el('table', {}, el('tr', {}, el('th', {}, '编号 / Id'), el('th', {}, '状态 / State'), el('th', {}, '版本 / Rev'), el('th', {}, '期限 / Due')));
    for (const c of cases) {
      table.append(
        el(
          'tr',
          {},
          el('td', {}, el('button', { className: 'secondary', onclick: () => ((selected = c.id), void draw()) }, c.id.slice(0, 8))),
          el('td', {}, c.stateKey || c.status),
          el('td', {}, String(c.revision)),
          el('td', {}, c.nextDueAt ? new Date(c.nextDueAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—'),
        ),
      );
    }
    list.append(table);

    const tasks = await engine.tasks(actor);
    const inbox = el('section', {}, el('h2', {}, `待办 / Tasks (${tasks.length})`), ...tasks.map((t) => el('div', {}, `${t.instance.id.slice(0, 8)} · ${t.instance.stateKey} · ${t.events.join(', ')}`)));

    const detail = el('section', {}, el('h2', {}, '案件详情 / Case'));
    if (selected) {
      const record = await engine.get(selected);
      const allowed = await engine.allowedEvents(selected, actor);
      const data = el('textarea', { rows: 3 }) as HTMLTextAreaElement;
      const verify = await engine.verify(selected);
      detail.append(
        el('p', {}, `状态 / State: ${record.stateKey || record.status} · 版本 / Revision ${record.revision}`),
        el('p', {}, '本身份可办理 / Actions for this role: ', allowed.length ? '' : '无 / none'),
        ...allowed.map((type) =>
          el('button', {
            // The textarea overrides the example data, so a visitor can also try invalid data.
            onclick: () =>
              act(async () => {
                const payload = data.value.trim() ? (JSON.parse(data.value) as Record<string, unknown>) : deps.exampleData[type];
                await engine.send(selected!, { type, ...(payload ? { data: payload } : {}) }, { actor });
              }, `${type} ✓`),
          }, type),
        ),
        el('label', {}, '事件数据（留空用示例）/ Event data (JSON; empty = example)', data),
        el('p', { className: verify.ok ? 'ok' : 'error' }, verify.ok ? `日志链校验通过 / Journal verified (${verify.entries} entries)` : `日志被篡改 / Journal tampered: ${verify.problems.map((p) => p.messageZh).join('; ')}`),
      );
      const journal = el('table', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, '事件 / Event'), el('th', {}, '操作人 / Actor'), el('th', {}, '之后 / After')));
      for (const entry of await engine.history(selected)) {
        journal.append(el('tr', {}, el('td', {}, String(entry.seq)), el('td', {}, entry.event.type), el('td', {}, `${entry.actor.id} (${entry.actor.role})`), el('td', {}, JSON.stringify(entry.stateAfter))));
      }
      detail.append(journal);
    }

    const status = el('p', { id: 'message', className: message?.error ? 'error' : 'ok', role: 'status' }, message?.text ?? '');
    root.replaceChildren(header, status, list, inbox, detail);
  }

  void draw();
}
