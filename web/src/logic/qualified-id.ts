// The API's ids are qualified by their municipality's code (062073:5-1-1/NPO法人数), since what a report
// names is unique only inside one municipality. A deep link already names the municipality, so its URL
// carries the id unqualified; the page qualifies it again with the URL's code when it asks the API.

/** `062073:5-1-1/NPO法人数` in 062073 → `5-1-1/NPO法人数`; an id of another municipality, or none, as it is. */
export const unqualifiedId = (code: string, id: string): string => (id.startsWith(`${code}:`) ? id.slice(code.length + 1) : id);

/** `5-1-1/NPO法人数` in 062073 → `062073:5-1-1/NPO法人数`; an id already qualified with `code` stays as it is. */
export const qualifiedId = (code: string, id: string): string => `${code}:${unqualifiedId(code, id)}`;
