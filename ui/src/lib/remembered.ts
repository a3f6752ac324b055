// Choices kept on this computer (the WebView's localStorage). Remembering is a convenience: when
// storage is refused (a private mode, a full disk), the choice lasts the session and nothing fails.

export function remember(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* storage may be unavailable; remembering is a convenience */
  }
}

export function recall(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
