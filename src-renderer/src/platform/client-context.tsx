// React access to the desktop client: one instance for the app, swappable in tests and the UI benchmark.
import { createContext, useContext } from 'react';
import type { DesktopClient } from './desktop-client.js';

export const ClientContext = createContext<DesktopClient | null>(null);

export function useClient(): DesktopClient {
  const c = useContext(ClientContext);
  if (c === null) throw new Error('useClient outside ClientContext');
  return c;
}
