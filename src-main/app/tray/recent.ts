// The recently used profiles, most recent first (pure, in memory; the AWS files stay the only source of profiles).

export interface RecentList {
  touch(profile: string): void;
  list(): readonly string[];
}

export function createRecentList(limit = 10, initial: readonly string[] = []): RecentList {
  let items = [...new Set(initial)].slice(0, limit);
  return {
    touch(profile) {
      items = [profile, ...items.filter((p) => p !== profile)].slice(0, limit);
    },
    list: () => items,
  };
}
