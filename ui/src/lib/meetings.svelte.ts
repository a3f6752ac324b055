// The meetings list in the sidebar: paged (never the whole archive), and the search that takes
// its place while a query is typed.

import type { UiDoc } from './doc';
import { api, toAppError } from './ipc';
import { recall, remember } from './remembered';
import { debounce, LatestWins } from './timing';
import type { AppError, MeetingSummary, SearchHit } from './types';

export const PAGE_SIZE = 50;
const PRIVATE_KEY = 'communique.searchPrivate';

export class MeetingsList {
  meetings = $state<MeetingSummary[]>([]);
  total = $state(0);
  loading = $state(false);
  error = $state<AppError | null>(null);
  /** The first page has answered (or failed). */
  loaded = $state(false);
  query = $state('');
  /** Search results while a query is typed, else `null` (the list shows). */
  hits = $state<SearchHit[] | null>(null);
  searchError = $state<AppError | null>(null);
  /** Whether search reads private notes (their passages are marked); kept on this computer. */
  searchPrivate = $state(recall(PRIVATE_KEY) !== 'no');

  private runSearch = debounce((q: string) => void this.searchRun.run(() => api.searchMeetings(q, 30, this.searchPrivate)), 200);
  private searchRun = new LatestWins<SearchHit[]>(
    (hits) => {
      this.hits = hits;
      this.searchError = null;
    },
    (e) => {
      this.searchError = toAppError(e);
    },
  );

  get hasMore(): boolean {
    return this.loaded && this.meetings.length < this.total && !this.error;
  }

  async loadMore(): Promise<void> {
    if (this.loading || (this.loaded && this.meetings.length >= this.total)) return;
    this.loading = true;
    try {
      const page = await api.listMeetings(PAGE_SIZE, this.meetings.length);
      const known = new Set(this.meetings.map((m) => m.id));
      this.meetings.push(...page.meetings.filter((m) => !known.has(m.id)));
      this.total = page.total;
      this.error = null;
    } catch (e) {
      this.error = toAppError(e);
    } finally {
      this.loading = false;
      this.loaded = true;
    }
  }

  /** From the first page again (the archive changed under the list: an import, a restore). */
  async reload(): Promise<void> {
    this.meetings = [];
    this.total = 0;
    this.loaded = false;
    await this.loadMore();
  }

  setQuery(q: string): void {
    this.query = q;
    if (q.trim() === '') {
      this.runSearch.cancel();
      this.searchRun.invalidate();
      this.hits = null;
      this.searchError = null;
    } else {
      this.runSearch(q.trim());
    }
  }

  /** Private notes searched or left out; the search typed runs again. */
  setSearchPrivate(on: boolean): void {
    this.searchPrivate = on;
    remember(PRIVATE_KEY, on ? 'yes' : 'no');
    if (this.query.trim() !== '') this.runSearch(this.query.trim());
  }

  /** A meeting just created: on top of the list. */
  add(summary: MeetingSummary): void {
    this.meetings.unshift(summary);
    this.total += 1;
  }

  remove(id: number): void {
    const i = this.meetings.findIndex((m) => m.id === id);
    if (i >= 0) this.meetings.splice(i, 1);
    this.total = Math.max(0, this.total - 1);
  }

  /** The list's line for a meeting follows what was stored of it. */
  update(id: number, doc: UiDoc, revision: number): void {
    const m = this.meetings.find((x) => x.id === id);
    if (m) Object.assign(m, summaryFields(doc), { revision });
  }
}

export function summaryFields(doc: UiDoc) {
  return {
    title: doc.meeting.title,
    organisation: doc.meeting.organisation || null,
    starts: doc.meeting.starts,
    ends: doc.meeting.ends || null,
    language: doc.keep.languages[0] ?? doc.language,
  };
}
