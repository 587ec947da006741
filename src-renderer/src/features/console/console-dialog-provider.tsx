// Opens the "Open console…" dialog from anywhere (a row's menu, the Ctrl+K switcher); the console then opens as the
// row's Console action does, with its progress and errors on the profile's row.
import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import { useAppState } from '../../app/app-state.js';
import { useProfileActions } from '../profiles/actions.js';
import { ConsoleDialog } from './console-dialog.js';
import { ChooseConsoleContext } from './console-dialog-context.js';
import type { ChooseConsole } from './console-dialog-context.js';

export function ConsoleDialogProvider({ children }: { readonly children: ReactNode }) {
  const app = useAppState();
  const actions = useProfileActions();
  const [open, setOpen] = useState<string | null>(null);
  const choose = useCallback<ChooseConsole>((profile) => setOpen(profile), []);
  const profile = open === null ? undefined : app.list?.profiles.find((p) => p.name === open);
  return (
    <ChooseConsoleContext.Provider value={choose}>
      {children}
      {profile !== undefined ? (
        <ConsoleDialog
          key={profile.name}
          profile={profile}
          onClose={() => setOpen(null)}
          onOpen={(where) => {
            setOpen(null);
            void actions.console(profile.name, where);
          }}
        />
      ) : null}
    </ChooseConsoleContext.Provider>
  );
}
