import type { useNavigate } from 'react-router';

/**
 * Back to where the user came from (a filtered list keeps its filters); a page opened straight from
 * a notification or a shared link has no such page in this tab, so it goes to the fallback.
 */
export function goBack(navigate: ReturnType<typeof useNavigate>, fallback: string) {
  const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
  if (idx > 0) void navigate(-1);
  else void navigate(fallback);
}
