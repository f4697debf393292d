import { useQuery } from './useQuery'

/** The team's currency (Settings → Team), for amounts shown with it; undefined until it has loaded. */
export function useCurrency(): string | undefined {
  return useQuery('workspace-profile-get', {}).data?.currency
}
