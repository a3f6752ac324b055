// The app's state objects, one per feature, made by the App component and provided to the
// components below it through Svelte context. The open meeting is not in context: it changes
// each time a meeting is opened, so it is `workspace.meeting` (and a prop of the editor's panes).

import { createContext } from 'svelte';
import type { Backups } from './backups.svelte';
import type { ClearanceState } from './clearance.svelte';
import type { Closing } from './closing.svelte';
import type { Exports } from './exports.svelte';
import type { Versions } from './history.svelte';
import type { MeetingsList } from './meetings.svelte';
import type { Toasts } from './toasts.svelte';
import type { Workspace } from './workspace.svelte';

export const [getToasts, setToasts] = createContext<Toasts>();
export const [getMeetings, setMeetings] = createContext<MeetingsList>();
export const [getWorkspace, setWorkspace] = createContext<Workspace>();
export const [getExports, setExports] = createContext<Exports>();
export const [getVersions, setVersions] = createContext<Versions>();
export const [getClearance, setClearance] = createContext<ClearanceState>();
export const [getBackups, setBackups] = createContext<Backups>();
export const [getClosing, setClosing] = createContext<Closing>();
