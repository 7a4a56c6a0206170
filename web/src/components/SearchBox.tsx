// A search field whose words live in the URL (?q=), so a search is a link too.
import { setSearch } from '../routing/navigation';

export function SearchBox({ label, search, hint }: { label: string; search: URLSearchParams; hint: string }) {
  const onInput = (event: Event) => {
    const next = new URLSearchParams(search);
    const value = (event.currentTarget as HTMLInputElement).value;
    if (value) next.set('q', value);
    else next.delete('q');
    setSearch(next);
  };
  return (
    <form role="search" class="search" onSubmit={(event) => event.preventDefault()}>
      <label>
        {label}
        <input type="search" value={search.get('q') ?? ''} onInput={onInput} placeholder={hint} />
      </label>
    </form>
  );
}
