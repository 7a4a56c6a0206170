// Moving between views without reloading: links stay ordinary <a href> (open in a new tab, copy the
// address), and a plain click on one is turned into history.pushState here.
import { useEffect, useState } from 'preact/hooks';

const CHANGED = 'plan-ledger:navigate';

export function navigate(href: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGED));
}

/** Sets the query string of the current view (filters, search, as-of), in place: Back leaves the view. */
export function setSearch(search: URLSearchParams): void {
  const query = search.toString();
  navigate(`${location.pathname}${query ? `?${query}` : ''}`, { replace: true });
}

export interface Place {
  pathname: string;
  search: URLSearchParams;
}

const here = (): Place => ({ pathname: location.pathname, search: new URLSearchParams(location.search) });

/** The current place, re-read on every navigation, Back and Forward included. */
export function usePlace(): Place {
  const [place, setPlace] = useState(here);
  useEffect(() => {
    const update = () => setPlace(here());
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGED, update);
    };
  }, []);
  return place;
}

/** A plain left click on a same-origin link becomes a navigation inside the page. */
export function followLinksInPage(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest?.('a[href]');
  if (!(link instanceof HTMLAnchorElement) || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/graphql')) return;
  event.preventDefault();
  navigate(`${url.pathname}${url.search}${url.hash}`);
}
