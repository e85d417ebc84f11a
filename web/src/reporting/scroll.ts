/** After a transition, show the report's header (its new state) rather than the bottom of the list. */
export function toTop(): void {
  window.scrollTo({ top: 0, behavior: 'smooth' });
}
