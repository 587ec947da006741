// Which profiles count as production (switching to them needs an explicit confirmation); pure, any runtime.

/** Names containing "prod" (production, prod-admin, …) or "prd" are production unless the settings say otherwise. */
export const DEFAULT_PRODUCTION_PATTERN = /prod|prd/i;

export interface ProductionSettings {
  /** Profiles the user marked as production whatever their name. */
  readonly production?: readonly string[] | undefined;
  /** Profiles the user marked as not production, although the name matches the pattern. */
  readonly notProduction?: readonly string[] | undefined;
  readonly pattern?: RegExp | undefined;
}

export function isProductionProfile(name: string, settings: ProductionSettings = {}): boolean {
  if (settings.notProduction?.includes(name) === true) return false;
  if (settings.production?.includes(name) === true) return true;
  return (settings.pattern ?? DEFAULT_PRODUCTION_PATTERN).test(name);
}
