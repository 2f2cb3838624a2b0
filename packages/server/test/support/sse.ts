/** Reads a text/event-stream with fetch, one parsed event at a time (as EventSource would see them). */
export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

export async function readEvents(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  if (response.status !== 200) throw new Error(`event stream answered ${response.status}: ${await response.text()}`);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const queue: SseEvent[] = [];
  const parse = () => {
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: SseEvent = { event: 'message', data: '' };
      let meaningful = false;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const [field, ...rest] = line.split(':');
        const value = rest.join(':').replace(/^ /, '');
        if (field === 'id') (event.id = value), (meaningful = true);
        else if (field === 'event') (event.event = value), (meaningful = true);
        else if (field === 'data') (event.data += value), (meaningful = true);
      }
      if (meaningful && block.split('\n').some((l) => l.startsWith('event:') || l.startsWith('data:') || l.startsWith('id:'))) queue.push(event);
    }
  };
  return {
    /** The next event matching `match` (earlier ones are skipped). */
    async next(match: (event: SseEvent) => boolean): Promise<SseEvent> {
      for (;;) {
        const index = queue.findIndex(match);
        if (index >= 0) return queue.splice(0, index + 1).pop()!;
        queue.length = 0;
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffer += value;
        parse();
      }
    },
    close() {
      controller.abort();
    },
  };
}
