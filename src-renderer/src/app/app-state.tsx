// Shared app state: the profile list (reloaded live on file events), the current screen and selection, app settings.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useClient } from '../platform/client-context.js';
import { describeError } from '../platform/desktop-client.js';
import type { ProfilesList, SettingsView } from '../platform/types.js';

export type Screen = 'profiles' | 'sessions' | 'sso' | 'keys' | 'vault' | 'doctor' | 'settings';

export interface FilesChangedBanner {
  readonly kinds: readonly string[];
  readonly at: number;
}

export interface AppState {
  readonly list: ProfilesList | null;
  readonly loadError: string | null;
  readonly reload: () => Promise<void>;
  readonly screen: Screen;
  readonly setScreen: (s: Screen) => void;
  readonly selected: string | null;
  readonly select: (name: string | null) => void;
  readonly settings: SettingsView | null;
  readonly setSettings: (s: SettingsView) => void;
  readonly banner: FilesChangedBanner | null;
  readonly dismissBanner: () => void;
  readonly wizardOpen: boolean;
  readonly setWizardOpen: (open: boolean) => void;
  /** Bumped when the files changed, so open views (the editor) refetch. */
  readonly revision: number;
  /**
   * The editor reports an unsaved edit here (what it edits) or null; while set, select() and setScreen() ask before
   * discarding it instead of switching at once.
   */
  readonly setUnsaved: (what: string | null) => void;
  /** A switch waiting for the user's answer to "discard unsaved changes?" (the shell asks). */
  readonly leaving: { readonly what: string } | null;
  readonly answerLeaving: (discard: boolean) => void;
}

const Ctx = createContext<AppState | null>(null);

export function useAppState(): AppState {
  const s = useContext(Ctx);
  if (s === null) throw new Error('useAppState outside AppStateProvider');
  return s;
}

export function AppStateProvider({ children }: { readonly children: ReactNode }) {
  const client = useClient();
  const [list, setList] = useState<ProfilesList | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>('profiles');
  const [selected, setSelected] = useState<string | null>(null);
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [banner, setBanner] = useState<FilesChangedBanner | null>(null);
  const [wizardOpen, setWizardOpen] = useState(false);
  const [revision, setRevision] = useState(0);
  const unsaved = useRef<string | null>(null);
  const [leaving, setLeaving] = useState<{ what: string; proceed: () => void } | null>(null);
  const current = useRef({ screen, selected });
  current.current = { screen, selected };
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  const reload = useCallback(async () => {
    // Coalesce bursts of file events into at most one extra reload.
    if (inFlight.current !== null) {
      again.current = true;
      return inFlight.current;
    }
    const run = async () => {
      do {
        again.current = false;
        try {
          const l = await client.call('profiles.list', {});
          performance.mark('hatrack:list-data');
          setList(l);
          setLoadError(null);
        } catch (e) {
          setLoadError(describeError(e));
        }
      } while (again.current);
    };
    inFlight.current = run().finally(() => {
      inFlight.current = null;
    });
    return inFlight.current;
  }, [client]);

  useEffect(() => {
    void reload();
    client.call('settings.get', {}).then(setSettings, () => undefined);
    const offs = [
      client.on('files.changed', (ev) => {
        setBanner((b) => ({ kinds: Array.from(new Set([...(b?.kinds ?? []), ev.kind])), at: Date.now() }));
        setRevision((r) => r + 1);
        void reload();
      }),
      client.on('default.changed', () => {
        void reload();
      }),
      // A key check recorded new ages or account names: rows re-read them.
      client.on('keys.checked', () => {
        void reload();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [client, reload]);

  const guarded = useCallback((proceed: () => void) => {
    if (unsaved.current === null) proceed();
    else setLeaving({ what: unsaved.current, proceed });
  }, []);
  const select = useCallback(
    (name: string | null) => {
      if (name !== current.current.selected) guarded(() => setSelected(name));
    },
    [guarded],
  );
  const changeScreen = useCallback(
    (s: Screen) => {
      if (s !== current.current.screen) guarded(() => setScreen(s));
    },
    [guarded],
  );
  const setUnsaved = useCallback((what: string | null) => {
    unsaved.current = what;
  }, []);
  const answerLeaving = useCallback(
    (discard: boolean) => {
      if (discard && leaving !== null) {
        unsaved.current = null;
        leaving.proceed();
      }
      setLeaving(null);
    },
    [leaving],
  );

  const value = useMemo<AppState>(
    () => ({
      list,
      loadError,
      reload,
      screen,
      setScreen: changeScreen,
      selected,
      select,
      settings,
      setSettings,
      banner,
      dismissBanner: () => setBanner(null),
      wizardOpen,
      setWizardOpen,
      revision,
      setUnsaved,
      leaving: leaving === null ? null : { what: leaving.what },
      answerLeaving,
    }),
    [list, loadError, reload, screen, changeScreen, selected, select, settings, banner, wizardOpen, revision, setUnsaved, leaving, answerLeaving],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
