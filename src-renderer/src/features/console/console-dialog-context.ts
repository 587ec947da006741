// How the rest of the window reaches the console dialog (kept apart from the provider, which uses the profile
// actions, so the actions can open the dialog without an import cycle).
import { createContext, useContext } from 'react';

/** What the dialog asks console.open for. */
export interface ConsoleWhere {
  readonly region: string;
  /** A service slug, or undefined for the console home. */
  readonly service: string | undefined;
  readonly separateProfile: boolean;
  readonly browser: string | undefined;
}

/** Shows the dialog for the named profile. */
export type ChooseConsole = (profile: string) => void;

export const ChooseConsoleContext = createContext<ChooseConsole>(() => undefined);

export function useChooseConsole(): ChooseConsole {
  return useContext(ChooseConsoleContext);
}
