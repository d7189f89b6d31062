// The alert stream: Server-Sent Events read with fetch(), since an EventSource cannot send a bearer token.
// Every event's id is its position; a reconnect sends the last one seen as Last-Event-ID and the server replays
// the steps missed since. A stream opens with a "connected" event whose id is where it starts, so even a console
// that has heard no step yet misses none across a reconnect. A stream silent for 45 s (keep-alives come every 20 s)
// counts as dead.

const SILENCE_MS = 45_000;
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

export class AlertStream {
  /**
   * @param url the stream's address
   * @param token returns the current access token
   * @param handlers onOpen(), onEvent(data, id), onState(state, detail)
   */
  constructor(url, token, handlers) {
    this.url = url;
    this.token = token;
    this.handlers = handlers;
    this.lastEventId = null;
    this.attempt = 0;
    this.controller = null;
    this.retryTimer = null;
    this.silenceTimer = null;
    this.stopped = true;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.silenceTimer);
    this.controller?.abort();
  }

  /** Drops the current connection (if any) and connects again at once, with Last-Event-ID. */
  reconnect() {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.controller?.abort();
    this.connect();
  }

  /** Drops the connection because it is known to be dead; it is retried with backoff (or at once by reconnect()). */
  drop(reason) {
    this.abortReason = reason;
    this.controller?.abort();
  }

  heard() {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      this.drop('no sign of life from the server for 45 s');
    }, SILENCE_MS);
  }

  async connect() {
    const controller = new AbortController();
    this.controller = controller;
    this.abortReason = null;
    this.handlers.onState('connecting');
    const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${this.token()}` };
    if (this.lastEventId !== null) headers['Last-Event-ID'] = this.lastEventId;
    let reason = 'the stream ended';
    try {
      const response = await fetch(this.url, { headers, signal: controller.signal, cache: 'no-store' });
      if (!response.ok || !response.body) throw new Error(`the alert stream answered ${response.status}`);
      this.attempt = 0;
      this.heard();
      this.handlers.onState('live');
      this.handlers.onOpen();
      await this.read(response.body.getReader(), controller);
    } catch (error) {
      reason = error.name === 'AbortError' ? this.abortReason : error.message;
    } finally {
      clearTimeout(this.silenceTimer);
    }
    if (this.stopped || this.controller !== controller) return;
    const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)] * (0.75 + Math.random() / 2);
    this.attempt += 1;
    this.handlers.onState('reconnecting', reason);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  async read(reader, controller) {
    const decoder = new TextDecoder();
    let buffer = '';
    let data = [];
    let id = null;
    let name = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (done || controller.signal.aborted) return;
      this.heard();
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (id !== null) this.lastEventId = id;
          if (data.length && name !== 'connected') this.dispatch(data.join('\n'), id ?? this.lastEventId);
          data = [];
          id = null;
          name = null;
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') data.push(text);
          else if (field === 'id' && !text.includes('\0')) id = text;
          else if (field === 'event') name = text;
        }
      }
    }
  }

  dispatch(text, id) {
    try {
      this.handlers.onEvent(JSON.parse(text), id);
    } catch (error) {
      console.warn('an alert event could not be read', error);
    }
  }
}
